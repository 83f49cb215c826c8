"""One set-up module per page: the first block a page shows, `snippets/pages/<page>.py:setup`.

A page's blocks run top to bottom in one interpreter. The set-up block imports what those blocks use
but do not define themselves, and sets NumPy's print options for what they print. The modules of
`snippets/` import only what they use; `__all__` below each set-up names what it hands to the page.
"""
