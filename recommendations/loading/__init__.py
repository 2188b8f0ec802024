"""Loading a new report: from a spreadsheet (CSV or XLSX) or from pasted text.

files.py reads an upload into rows, safely; textparse.py splits pasted text into
items; vocabulary.py turns people's words into codes and dates; preview.py checks
every row and compares it with what is already loaded. Nothing is written until
`recommendations.services.report_import`.
"""
