"""A small LALR(1) driver for the parse tables Lark builds from ``grammar/*.lark``.

Lark is planlint's grammar compiler: it analyses each grammar once and planlint keeps what a parser
needs as plain data in its cache folder (see ``grammars.py``). This module runs that data, so a
run with a warm cache never imports Lark. It is Lark's own LALR loop (``lalr_parser_state.py``),
its tree shaping (``parse_tree_builder.py``: child filters, ``_rule`` inlining, ``?rule``) and, for
grammars with terminal patterns, its contextual lexer, as in Lark's standalone parser generator.

The table data (all plain lists, dicts, tuples, strings and ints):
  states   one dict a state: symbol -> action; a terminal's action is ``n >= 0`` (shift, go to
           state n) or ``~r < 0`` (reduce by rule r); a rule name's is the state its goto leads to
  rules    one (origin, size, keep, expand1, callback name) a rule: ``keep`` lists (child index,
           splice) of the children kept, None when all are kept as they are
  start, end   the start state, and the state whose reaching by a goto ends the parse
  lexer    None when the caller gives token types; else (patterns, by_state, ignore): the
           alternations of named terminal patterns of each state's lexer, in Lark's matching
           order, which of them each state uses, and the %ignore terminals
"""
from __future__ import annotations

from itertools import chain

from planlint.rxcache import rx

END = "$END"  # Lark's end-of-input terminal, fed after the tokens
_END = ((END, None),)


class ParseError(Exception):
    """The input is no sentence of the grammar."""


class Parser:
    """An LALR(1) parser over a table; ``callbacks`` (an object, or None) has a method for each
    rule name whose value it makes, as a Lark inline ``Transformer`` would: the method gets the
    rule's shaped children. Other rules give (name, children); ``_rule``s give their children."""

    def __init__(self, table: dict, callbacks=None):
        self.states, self.start, self.end = table["states"], table["start"], table["end"]
        self.rules = [(origin, size, _list_rule(origin,
                                                _builder(origin, keep, expand1,
                                                         getattr(callbacks, name, None), name)))
                      for origin, size, keep, expand1, name in table["rules"]]
        lexer = table["lexer"]
        if lexer is not None:
            patterns, by_state, ignore = lexer
            compiled = [[rx(p, flags) for p, flags in alternations] for alternations in patterns]
            self.scanners = [compiled[i] for i in by_state]
            self.ignore = frozenset(ignore)

    def parse(self, tokens, stack=None):
        """The value of the start rule over ``tokens``, (type, value) pairs; ParseError if they
        are no sentence. ``stack``, when given, is the (empty) list used as the state stack."""
        states, rules, end = self.states, self.rules, self.end
        state = self.start
        if stack is None:
            stack = []
        stack.append(state)
        values: list = []
        try:
            for type_, value in chain(tokens, _END):
                action = states[state][type_]  # (KeyError: the token is not expected here)
                while action < 0:  # reduce, as often as the lookahead says
                    origin, size, build = rules[~action]
                    if build is None:  # a list (Lark's x* or x+) takes one more item, in place
                        item = values.pop()
                        values[-1].append(item)
                        # The rule is ``__x_star_n: __x_star_n item``: the goto on it from the
                        # state below the two popped is the state the list was in (an LR stack
                        # holds goto(s, X) above each s), so only the item's state goes.
                        del stack[-1]
                        state = stack[-1]
                        action = states[state][type_]
                        continue
                    if size == 1:  # (most reductions; _same: the list of children is the value)
                        del stack[-1]
                        values[-1] = [values[-1]] if build is _same else build([values[-1]])
                    elif size:
                        children = values[-size:]
                        del values[-size:]
                        del stack[-size:]
                        values.append(children if build is _same else build(children))
                    else:
                        values.append([] if build is _same else build([]))
                    state = states[stack[-1]][origin]  # the goto
                    if state == end and type_ is END:
                        return values[-1]
                    stack.append(state)
                    action = states[state][type_]
                state = action  # shift
                stack.append(state)
                values.append(value)
        except KeyError:
            raise ParseError(f"unexpected {type_}") from None
        raise ParseError("the end of input was shifted")  # (Lark's tables never do)

    def parse_text(self, text: str):
        """Lex ``text`` with the contextual lexer and parse it; a token's value is (type, text)."""
        stack: list = []
        return self.parse(self._lex(text, stack), stack)

    def tokens_of(self, text: str) -> list:
        """The (type, text) tokens of ``text`` if they are a sentence, else ParseError; lexed as
        ``parse_text`` lexes. Only recognises: no rule's value is made, so for a grammar whose rules
        keep all their children these tokens are the leaves of its tree, in order, at a fraction of
        the cost (the same loop as ``parse`` and ``_lex``, without values, callbacks or generator)."""
        states, rules, end, scanners, ignore = self.states, self.rules, self.end, self.scanners, \
            self.ignore
        state = self.start
        stack = [state]
        tokens: list = []
        pos, length = 0, len(text)
        while True:
            if pos < length:
                for pattern in scanners[state]:
                    m = pattern.match(text, pos)
                    if m:
                        break
                else:
                    raise ParseError(f"unexpected character at {pos}")
                pos = m.end()
                type_ = m.lastgroup
                if type_ in ignore:
                    continue
                tokens.append((type_, m.group()))
            else:
                type_ = END
            action = states[state].get(type_)
            if action is None:
                raise ParseError(f"unexpected {type_}")
            while action < 0:  # reduce
                origin, size, _ = rules[~action]
                if size:
                    del stack[-size:]
                state = states[stack[-1]][origin]  # the goto
                if state == end and type_ is END:
                    return tokens
                stack.append(state)
                action = states[state].get(type_)
                if action is None:
                    raise ParseError(f"unexpected {type_}")
            if type_ is END:
                raise ParseError("the end of input was shifted")  # (Lark's tables never do)
            state = action  # shift
            stack.append(state)

    def _lex(self, text: str, stack: list):
        """(type, (type, text)) of each token. Like Lark's contextual lexer, each token is matched with the
        terminals the parser state after the previous token accepts (read off the shared stack),
        the first alternative that matches wins, and the %ignore terminals are dropped."""
        pos, length, scanners, ignore = 0, len(text), self.scanners, self.ignore
        while pos < length:
            for pattern in scanners[stack[-1]]:
                m = pattern.match(text, pos)
                if m:
                    break
            else:
                raise ParseError(f"unexpected character at {pos}")
            pos = m.end()
            if m.lastgroup not in ignore:
                yield m.lastgroup, (m.lastgroup, m.group())


def _builder(origin: str, keep, expand1: bool, callback, name: str):
    """The function from a rule's children to its value, as Lark shapes them: keep the children
    ``keep`` says (splicing the lists of ``_rule``s), pass a lone child up for ``?rule``, then
    call the callback, or make a tree, or (a ``_rule``) keep the list for the parent to splice.
    None for the rule that adds an item to a list, which the parser does itself."""
    if origin.startswith("_"):
        make = None
    elif callback is not None:
        make = callback
    else:
        def make(children):
            return (name, children)
    if expand1 and make is not None:
        inner = make

        def make(children):
            return children[0] if len(children) == 1 else inner(children)
    if keep is None:
        return make or _same
    if keep == ((0, True), (1, False)) and make is None:
        return None  # _list: _list item, the list grows in place (Parser.parse)
    # The two other shapes of list rules, without shape's loop below (as it shapes them):
    if make is not None and keep == ((0, True),):
        def spliced(children):  # rule: _list (the list itself, reused)
            return make(children[0])
        return spliced
    if make is not None and keep == ((0, False), (1, True)):
        def headed(children):  # rule: HEAD _list (a new list: HEAD then the list's items)
            return make([children[0], *children[1]])
        return headed

    def shape(children):
        out: list = []
        for i, splice in keep:
            if not splice:
                out.append(children[i])
            elif out:
                out += children[i]
            else:  # the first child: reuse its list, as Lark does
                out = children[i]
        return out if make is None else make(out)
    return shape


_LARK_LIST = rx(r"__\w+_(?:star|plus)_\d+")  # the rules Lark makes for x* and x+


def _list_rule(origin: str, build):
    """``build``; for a list rule that is not one of Lark's own ``x*``/``x+`` rules (one of
    which is left-recursive on itself, what Parser.parse relies on), the same in-place append
    as a function of the children."""
    if build is None and not _LARK_LIST.fullmatch(origin):
        return _append
    return build


def _append(children):
    children[0].append(children[1])
    return children[0]


def _same(children):
    return children
