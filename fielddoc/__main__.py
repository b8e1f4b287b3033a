from fielddoc.cli import main

raise SystemExit(main())
