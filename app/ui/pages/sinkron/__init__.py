"""Sinkronisasi: the sync page (page.py) and the boxes it shows (sections.py); its dialogs are in
app/ui/dialogs/sinkron.py."""
