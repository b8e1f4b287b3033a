#!/usr/bin/env bash
# Lay out the frozen fielddoc folder (PyInstaller one-folder build) as a Linux install tree.
#
#   packaging/linux/install.sh [--prefix PREFIX] [--icons DIR] FROZEN_DIR DESTDIR
#
# Result, under DESTDIR/PREFIX (PREFIX defaults to /usr; the Flatpak build uses /app):
#   lib/fielddoc/                 the frozen folder, replaced as a whole (no stale files)
#   bin/fielddoc-gui, bin/fielddoc  relative symlinks into lib/fielddoc/
#   share/applications/org.fielddoc.Fielddoc.desktop
#   share/metainfo/org.fielddoc.Fielddoc.metainfo.xml
#   share/icons/hicolor/<n>x<n>/apps/org.fielddoc.Fielddoc.png and scalable/apps/...svg
#
# Icons come from --icons DIR (a tree that holds hicolor/, made by make_icons.py) or, without
# it, are rendered now with $PYTHON (default python3), which then needs PySide6.
# Failure behaviour: any missing input or failed step stops the script with a non-zero status
# and a message on stderr; a half-written DESTDIR is left for the caller to delete.
set -euo pipefail
# what this script creates is program files for every user of the machine, not private data
umask 022

APP_ID=org.fielddoc.Fielddoc
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PREFIX=/usr
ICONS=""

die() {
    echo "install.sh: $*" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || die "--prefix needs a value"; PREFIX=$2; shift 2 ;;
        --icons) [ $# -ge 2 ] || die "--icons needs a value"; ICONS=$2; shift 2 ;;
        --) shift; break ;;
        -*) die "unknown option $1" ;;
        *) break ;;
    esac
done
[ $# -eq 2 ] || die "usage: install.sh [--prefix PREFIX] [--icons DIR] FROZEN_DIR DESTDIR"
FROZEN=$1
DESTDIR=$2
case "$PREFIX" in
    /*) ;;
    *) die "PREFIX must be absolute" ;;
esac

for exe in fielddoc-gui fielddoc; do
    [ -f "$FROZEN/$exe" ] && [ -x "$FROZEN/$exe" ] || die "$FROZEN/$exe is not an executable file"
done

ROOT="$DESTDIR$PREFIX"
LIB="$ROOT/lib/fielddoc"

# The frozen folder is replaced whole: a file dropped from a newer build must not linger.
rm -rf "$LIB"
mkdir -p "$ROOT/lib" "$ROOT/bin"
cp -R -P "$FROZEN" "$LIB"
# The build may run under umask 077 (the app's own rule); installed program files must still be
# readable and runnable by every user, and writable by nobody but the owner.
chmod -R u+rwX,go+rX,go-w "$LIB"

for exe in fielddoc-gui fielddoc; do
    # relative, so the tree works unchanged in DESTDIR, after copying to /, and inside /app
    ln -sfn "../lib/fielddoc/$exe" "$ROOT/bin/$exe"
done

install -D -m 0644 "$HERE/$APP_ID.desktop" "$ROOT/share/applications/$APP_ID.desktop"
install -D -m 0644 "$HERE/$APP_ID.metainfo.xml" "$ROOT/share/metainfo/$APP_ID.metainfo.xml"

if [ -z "$ICONS" ]; then
    ICONS=$(mktemp -d)
    trap 'rm -rf "$ICONS"' EXIT
    "${PYTHON:-python3}" "$HERE/make_icons.py" "$ICONS"
fi
[ -d "$ICONS/hicolor" ] || die "$ICONS has no hicolor/ folder"
found=0
while IFS= read -r -d '' icon; do
    relative=${icon#"$ICONS/"}
    install -D -m 0644 "$icon" "$ROOT/share/icons/$relative"
    found=$((found + 1))
done < <(find "$ICONS/hicolor" -path "*/apps/$APP_ID.*" -type f -print0)
[ "$found" -gt 0 ] || die "no $APP_ID icons under $ICONS/hicolor"
