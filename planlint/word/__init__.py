"""Word documents: the text view planlint lints, and reviewed copies with comments (批注).

The text view of a .docx (built by :mod:`planlint.word.view`, shared with the .html reader through
:mod:`planlint.read.tablerows`) is what ``line``/``column`` of every finding refer to:

* one line per body paragraph, in document order, with its automatic-numbering label in front
  (``一、`` ``（一）`` ``1.`` ``（1）`` as Word shows it); a soft line break starts a new line;
  text in hyperlinks, content controls, fields and tracked insertions is included, deleted text
  and text boxes are not;
* for a table: its header row as a pipe row ``| 序号 | 具体要求 | 牵头单位 | 完成时限 |``; a
  category column merged down its rows as a heading line (``二、……``) each time it changes, left
  out of the pipe rows; a row spanning the whole width as a heading line; every other row as
  ``| 5 | 做好……。 | 办公室 | 年底前 |``. Cell paragraphs are joined with a space and ``|`` in
  a cell reads ``｜``. A one-column table is read as paragraphs.

Every line carries a :class:`~planlint.model.Location` (0-based): ``paragraph`` for a body
paragraph (``Document.paragraphs[i]`` when there are no content controls), ``table``/``row`` for a
table row, plus ``cell`` (grid column) for a heading that came from one cell. JSON output shows it
as ``location`` on each finding.

``planlint check draft.docx --annotate reviewed.docx`` writes a copy with one comment per finding
(:mod:`planlint.word.annotate`); the original file is only read.
"""
