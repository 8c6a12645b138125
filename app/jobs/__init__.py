"""Jobs that join the domain (app/models) to the writers (app/reports).

The screens and the command line call the same job function, so that a recap written from the
menu and one written by ``merit export`` are the same file. No Qt here.
"""
