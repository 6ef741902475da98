"""Web page furniture around a report: accessibility links, share buttons, copyright and ICP lines,
and what a crawler writes around the page it saved (原文链接, 本地目录, 「==== 正文 ====」).

Reports copied from a government web site carry the page around them. Such lines are short and say
one of a few fixed things; they are marked `CHROME` so no later stage reads them as content.
"""

from __future__ import annotations

import re

from gongkai.extract.lines import Line, LineKind

_MAX = 100  # chrome lines are short; a longer line is prose even if it mentions 版权所有
_CHROME = re.compile(
    r"无障碍|长者(?:专版|模式)|关怀版|适老化|分享到|^分享|扫一扫|打印本页|打印此页|[【\[]打印|打印[】\]]"
    r"|关闭窗口|关闭本页|[【\[]关闭|关闭[】\]]|字[体号][:]?[【\[]?大|[【\[]大[】\]][【\[]?中"
    r"|copyright|©|版权所有|icp备|icp证|公网安备|技术支持[:]|网站标识码|主办单位[:]|承办单位[:]"
    r"|网站地图|联系我们|当前位置|您的位置|^首页>|浏览次数|访问次数|阅读次数|点击[数量率次]|返回顶部"
    r"|^[【\[]?收藏[】\]]?$|^(?:微信|微博|qq空间|qq)+$"
    r"|^(?:原文链接|原文地址|页面链接|本地目录|网址|url|链接)\s*[:：]|^[=\-*]{3,}\s*正文\s*[=\-*]{3,}$|^正文$"
)


def mark_chrome(lines: list[Line]) -> list[Line]:
    """The lines, with web-page furniture marked `CHROME`."""
    return [_mark(line) for line in lines]


def _mark(line: Line) -> Line:
    if line.kind is not LineKind.PLAIN or len(line.key) > _MAX:
        return line
    if _CHROME.search(line.key.lower()):
        return line._replace(kind=LineKind.CHROME)
    return line
