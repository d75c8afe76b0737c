"""Review report (HTML) and task ledger (台账, CSV/xlsx) built from linted plans.

``data`` derives what both show (due dates, unit counts, findings per task); ``html`` with
``tables``, ``svg``, ``theme`` and ``labels`` renders the self-contained page; ``ledger`` makes the
spreadsheet; ``files`` writes atomically; ``sample`` builds synthetic plans for tests and benchmarks.
"""
