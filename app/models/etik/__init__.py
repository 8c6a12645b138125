"""Code-of-ethics cases (kode etik PNS, PP 42/2004), migration 27."""
