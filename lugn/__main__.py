from lugn.cli import main

raise SystemExit(main())
