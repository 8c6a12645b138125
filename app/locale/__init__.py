"""Interface catalogues: ``<code>/*.json``, each mapping an Indonesian source string (as written
in a ``tr()`` call) to its translation. Split by area only to keep the files reviewable; the
loader merges them (:func:`app.i18n.catalogue_of`)."""
