"""The command line: ``merit`` (:func:`app.cli.main.main`), one module per command group."""
