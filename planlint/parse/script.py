"""Plans published in traditional characters: read through their simplified forms.

Some sites publish plans in traditional characters (牽頭單位：縣財政局). planlint's words (role
words, field labels, unit endings, timing words) are simplified, so such a plan is parsed as a
copy with each traditional character of those words folded to its simplified form, one character
for one: every position holds. The model's strings are then put back as the source writes them.

The table maps the traditional forms of the characters planlint's lexicon and patterns use
(derived from the character data of OpenCC, Apache License 2.0, TSCharacters, restricted to
those targets); other characters are left as they are.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import fields, is_dataclass, replace

from planlint.model import Source, SourceLine

_TRADITIONAL = (
    "丟並佈併來侷係個們側備傢傳億儘優內兩別刪則劃動務匯區協卻卽參員問啓啟單噹嚴圍園圓圖團堅報場婦學實審寫將專對導層屬帶幾廳強"
    "彆彔彙後從復徵愛態應捱掃換揮擇擊據擬數斷於旣時書會査條業構標機檔檢檯欄權歸殘決沒況準滙漢瀏為無爲牽現當發盡監確碼祕稱箇節"
    "範簡簽籌籤糧糰級細終組結給統經綜網緊編縣總績織繞繫繼續聯職脩臺與舉舘萬蔘處號衕衛裏補裡製複覈見規視覽計討記訪設許註証評詞"
    "話該認誰調請論證識議讀負財責資賬較輯輸轄轉辦農這連週進過達遞適遲選郵鄉醫鈕銀錄錯録錶鎭鎮鏈長門閉開間閤閱閲關隊隨隻雙電頁"
    "項順預頓領頭頻題額類颱館餬饋驗體髮麪麫麵麼麽點黨齣"
)
_SIMPLIFIED = (
    "丢并布并来局系个们侧备家传亿尽优内两别删则划动务汇区协却即参员问启启单当严围园圆图团坚报场妇学实审写将专对导层属带几厅强"
    "别录汇后从复征爱态应挨扫换挥择击据拟数断于既时书会查条业构标机档检台栏权归残决没况准汇汉浏为无为牵现当发尽监确码秘称个节"
    "范简签筹签粮团级细终组结给统经综网紧编县总绩织绕系继续联职修台与举馆万参处号同卫里补里制复核见规视览计讨记访设许注证评词"
    "话该认谁调请论证识议读负财责资账较辑输辖转办农这连周进过达递适迟选邮乡医钮银录错录表镇镇链长门闭开间合阅阅关队随只双电页"
    "项顺预顿领头频题额类台馆糊馈验体发面面面么么点党出"
)
_FOLD = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
# Characters every traditional plan holds (政務, 單位, 公開, 縣/區, 責任, 會 …): a plan whose
# first lines hold none is not folded.
_MARKS = "務單開區縣責會發辦與為"
_HEAD = 80  # lines looked at for the marks


def folded(source: Source) -> Source | None:
    """The source with its traditional characters folded, or None when it has none of the
    marks in its first lines (a plan in simplified characters: nothing to do)."""
    head = "\n".join([line.text for line in source.lines[:_HEAD]])
    for mark in _MARKS:
        if mark in head:
            break
    else:
        return None
    lines = tuple([SourceLine(line.number, line.text.translate(_FOLD), line.location)
                   for line in source.lines])
    return replace(source, lines=lines)


def restore(plan, source: Source, folded_source: Source):
    """The plan parsed from ``folded_source``, its strings as ``source`` writes them and its
    source ``source``. A folded character goes back to the character it was folded from most
    often in this document (a document mixing both forms of one character is rare)."""
    counts: dict[str, Counter] = {}
    for line, fold in zip(source.lines, folded_source.lines):
        if line.text != fold.text:
            for a, b in zip(line.text, fold.text):
                if a != b:
                    counts.setdefault(b, Counter())[a] += 1
    table = str.maketrans({b: c.most_common(1)[0][0] for b, c in counts.items()})
    return _Restorer(table, source).value(plan)


class _Restorer:
    """Rebuilds model objects with their strings unfolded, each object once (objects the model
    shares, a unit in a clause and among a task's owners, stay shared)."""

    def __init__(self, table: dict, source: Source):
        self.table = table
        self.source = source
        self.done: dict[int, object] = {}

    def value(self, obj):
        if isinstance(obj, str):
            return obj.translate(self.table)
        if isinstance(obj, Source):
            return self.source
        if isinstance(obj, tuple):
            items = [self.value(item) for item in obj]
            return obj if all(a is b for a, b in zip(items, obj)) else tuple(items)
        if is_dataclass(obj) and not isinstance(obj, type):
            key = id(obj)
            if key in self.done:
                return self.done[key]
            changes = {}
            for f in fields(obj):
                old = getattr(obj, f.name)
                new = self.value(old)
                if new is not old:
                    changes[f.name] = new
            new_obj = replace(obj, **changes) if changes else obj
            self.done[key] = new_obj
            return new_obj
        return obj
