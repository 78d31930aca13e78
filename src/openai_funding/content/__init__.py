"""The report's building blocks: every table, figure and number the Quarto report shows.

Cells in ``report/index.qmd`` stay thin: each calls one function here, which returns an object
tests can inspect (a :class:`~openai_funding.content.markdown.Table`, an Altair chart, a number).
"""
