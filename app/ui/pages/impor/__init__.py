"""Impor data: the import wizard page (page.py), its column-mapping and preview steps (mapping.py,
preview.py) and the preview's table models (models.py)."""
