"""``python -m busmodel``: the command line."""

from busmodel.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
