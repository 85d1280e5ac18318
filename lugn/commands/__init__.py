"""One module per ``lugn`` subcommand (see ``lugn.cli``)."""
