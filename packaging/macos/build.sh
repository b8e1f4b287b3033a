#!/usr/bin/env bash
# macOS build: fielddoc.app from the PyInstaller spec, its self-test, signing with the hardened
# runtime, notarisation, stapling and a disk image. Run from the repository root on macOS
# (Apple silicon or Intel; build on each architecture for its own download) with Python 3.11
# from python.org and the Xcode command-line tools. See packaging/README.md.
#
#   SIGN_ID="Developer ID Application: NAME (TEAMID)" NOTARY_PROFILE=fielddoc \
#       packaging/macos/build.sh
#
# NOTARY_PROFILE names credentials stored once with
#   xcrun notarytool store-credentials fielddoc --apple-id ... --team-id ... --password ...
# Without SIGN_ID the app is built and self-tested but not signed (for local testing only:
# Gatekeeper refuses an unsigned download).
set -euo pipefail

[ -x .venv/bin/python ] || python3.11 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test,package]'
VERSION=$(.venv/bin/python -c 'import fielddoc; print(fielddoc.__version__)')
ARCH=$(uname -m)
make translations
rm -rf build/icons dist/fielddoc dist/fielddoc.app
.venv/bin/python packaging/linux/make_icons.py build/icons

SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) PYTHONHASHSEED=0 FIELDDOC_CODESIGN_IDENTITY="${SIGN_ID:-}" \
    .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/fielddoc.spec

APP=dist/fielddoc.app
"$APP/Contents/MacOS/fielddoc" self-test
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/fielddoc-gui" --self-test

if [ -z "${SIGN_ID:-}" ]; then
    echo "not signed (no SIGN_ID): $APP"
    exit 0
fi
# inside out: every library and program first, then the bundle; never --deep, which signs
# with the wrong entitlements and hides what was signed
find "$APP/Contents" -type f \( -name '*.dylib' -o -name '*.so' -o -perm -u+x \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime \
        --entitlements packaging/macos/entitlements.plist --sign "$SIGN_ID"
codesign --force --timestamp --options runtime \
    --entitlements packaging/macos/entitlements.plist --sign "$SIGN_ID" "$APP"
codesign --verify --strict --verbose=2 "$APP"
# the signed app must still pass its own self-test (hardened runtime can break loading)
"$APP/Contents/MacOS/fielddoc" self-test

DMG="dist/fielddoc-$VERSION-macos-$ARCH.dmg"
rm -f "$DMG"
hdiutil create -volname "fielddoc $VERSION" -srcfolder "$APP" -fs HFS+ -format UDZO "$DMG"
codesign --timestamp --sign "$SIGN_ID" "$DMG"
xcrun notarytool submit "$DMG" --keychain-profile "${NOTARY_PROFILE:?set NOTARY_PROFILE}" --wait
xcrun stapler staple "$DMG"
spctl --assess --type open --context context:primary-signature --verbose "$DMG"
shasum -a 256 "$DMG" > "$DMG.sha256"
echo "$DMG"
