"""Loading a new report: from a spreadsheet (CSV or XLSX), or from the report itself
(its PDF, its saved web page, its link, or pasted text).

files.py reads a spreadsheet upload into rows, safely; sources.py tells a PDF from a
web page by its content and reads it into blocks (pdf.py, in a limited child
process; webpage.py, from the markup), fetch.py downloads it from an allowed site,
document.py turns pasted text into the same blocks and mends what PDFs break;
textparse.py reads the items from the blocks; vocabulary.py turns people's words
into codes and dates; preview.py checks every row and compares it with what is
already loaded. Nothing is written until `recommendations.services.report_import`.
"""
