#!/usr/bin/env python
"""Django's command-line utility; ``kinfolk`` is the same command once installed."""

from kinfolk.cli import main

if __name__ == "__main__":
    main()
