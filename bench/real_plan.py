"""The strata of the real-text sample (bench/real_sample.py): names, sizes, corpus groups
and keyword patterns, and the plan scaled to another size (for `real_sample.py grow`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Stratum:
    """A named share of the sample: its size, corpus group and keyword patterns (all must
    match; none for a random stratum)."""

    name: str
    size: int
    group: str
    patterns: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        """Return whether every pattern of the stratum occurs in `text`."""
        return all(_compiled(p).search(text) for p in self.patterns)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _w(*words: str) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


SANCTION_WORD = _w(r"sanction\w*", r"designat\w*")
WEAPON = _w(r"drones?", r"missiles?", r"weapons?", r"rockets?", r"bombs?", "artillery",
            r"munitions?", r"UAVs?")
PLAN: tuple[Stratum, ...] = (
    Stratum("sanction", 200, "gov", (_w(
        r"sanction(?:s|ed|ing)?", r"designat(?:e|es|ed|ing|ion|ions)", r"export controls?",
        r"embargo(?:es)?", r"visa restrictions?", "Entity List", r"asset freezes?",
        r"impos(?:e|es|ed|ing) (?:\w+ ){0,4}(?:restrictions|penalties|tariffs|bans?)"),)),
    Stratum("aid", 170, "gov", (_w(
        "security assistance", r"military (?:aid|assistance)", r"drawdowns?",
        r"humanitarian (?:aid|assistance)", r"weapons?", r"munitions?", "ammunition",
        r"air defen[cs]e", "HIMARS", r"Javelins?", "artillery", r"arms (?:sales?|transfers?)",
        r"deliver(?:s|ed|y|ies|ing)?", r"suppl(?:y|ied|ies|ying)", r"packages?",
        r"provid(?:e|es|ed|ing) (?:\w+ ){0,6}\$"),)),
    Stratum("agree", 100, "gov", (_w(
        r"agree(?:s|d|ment|ments)?", r"sign(?:s|ed|ing)", r"pledg(?:e|es|ed|ing)",
        r"commit(?:s|ted|ment|ments)", "memorandum of understanding", r"accords?",
        r"treat(?:y|ies)", r"promis(?:e|es|ed)"),)),
    Stratum("request", 90, "gov", (_w(
        r"call(?:s|ed)? (?:on|upon|for)", r"urg(?:e|es|ed|ing)", r"ask(?:s|ed)",
        r"request(?:s|ed)?", r"demand(?:s|ed)?", r"appeal(?:s|ed)? (?:to|for)"),)),
    Stratum("accuse", 90, "gov", (_w(
        r"condemn(?:s|ed|ation)?", r"accus(?:e|es|ed|ation|ations)", r"blam(?:e|es|ed)",
        r"denounc(?:e|es|ed)", r"deplor(?:e|es|ed)", r"criticiz(?:e|es|ed)",
        "responsible for"),)),
    Stratum("reject", 70, "gov", (_w(
        r"reject(?:s|ed|ion)?", r"refus(?:e|es|ed|al)", r"veto(?:es|ed)?",
        r"declin(?:e|es|ed) to", r"dismiss(?:es|ed)", r"turn(?:s|ed)? down",
        r"oppos(?:e|es|ed)"),)),
    Stratum("threaten", 70, "gov", (_w(
        r"threat(?:en|ens|ened|ening)?", r"warn(?:s|ed|ing)?", "consequences",
        "will not hesitate", "hold (?:\\w+ ){1,4}accountable", "ultimatum", "red line"),)),
    Stratum("coerce", 70, "gov", (_w(
        r"seiz(?:e|es|ed|ure|ures)", r"arrest(?:s|ed)?", r"detain(?:s|ed)?", "detention",
        r"indict(?:ed|ment|ments)", r"forfeit(?:ed|ure)?", r"blockades?",
        r"censor(?:s|ed|ship)?", r"imprison(?:s|ed|ment)", r"extradit(?:e|ed|ion)",
        r"crack(?:s|ed)? down", "crackdown"),)),
    Stratum("neg_evasion", 35, "gov", (_w(
        r"evad(?:e|es|ed|ing)", "evasion", r"circumvent(?:s|ed|ing|ion)?",
        r"front compan(?:y|ies)", r"shell compan(?:y|ies)", r"procur(?:e|es|ed|ing|ement)"),)),
    Stratum("neg_lifting", 35, "gov", (_w(
        r"lift(?:s|ed|ing)?", "sanctions relief", r"delist(?:s|ed|ing)?",
        r"remov(?:e|es|ed|al) (?:\w+ ){0,3}(?:from|of)", r"general licen[cs]es?",
        r"waiv(?:e|es|ed|er|ers)", r"unblock(?:s|ed|ing)?", r"eas(?:e|es|ed|ing)"),
        SANCTION_WORD + "|" + _w("SDN", "license", "licence", "restrictions"))),
    Stratum("neg_penalty", 35, "gov", (_w(
        r"civil (?:monetary )?penalt(?:y|ies)", r"settle(?:s|d|ment)",
        r"apparent violations?", "enforcement action", r"finding of violation",
        r"agreed to (?:pay|remit)"),)),
    Stratum("neg_background", 35, "gov", (SANCTION_WORD, _w(
        r"previously", r"(?:in|since) (?:19|20)\d\d", "already", "earlier", "prior",
        r"was (?:designated|sanctioned|listed)", r"were (?:designated|sanctioned|listed)"))),
    Stratum("neg_effects", 25, "gov", (_w(r"sanctions?", "export controls"), _w(
        r"econom(?:y|ies)", r"revenues?", r"impacts?", r"effects?", r"costs?",
        r"isolat\w+", r"degrad\w+", r"undermin\w+", r"los(?:s|t|ses)", r"cut off",
        r"starv\w+", r"pressure"))),
    Stratum("neg_weapons_used", 25, "gov", (WEAPON, _w(
        r"attack(?:s|ed|ing)?", r"strik(?:e|es|ing)", "struck", r"kill(?:s|ed|ing)?",
        r"launch(?:es|ed|ing)?", "used", r"target(?:s|ed|ing)", r"terroriz\w+"))),
    Stratum("neg_boilerplate", 20, "gov", (_w(
        "property and interests in property", "generally prohibited", "must be reported",
        "identifying information", "Press Secretary", "for more information",
        r"OFAC's regulations", "power and integrity of OFAC sanctions",
        r"(?:Executive Order|E\.O\.) \d+"),)),
    Stratum("gov_random", 130, "gov"),
    Stratum("wiki_assault", 50, "wiki", (_w(
        r"attack(?:s|ed)?", r"bomb(?:s|ed|ing|ings)?", r"kill(?:s|ed|ing)?",
        r"shell(?:s|ed|ing)", r"air ?strikes?", r"strikes? (?:on|against)", r"gunm[ae]n",
        r"shoot(?:s|ing|ings)?", "shot", r"clash(?:es|ed)?", r"explosions?"),)),
    Stratum("wiki_protest", 40, "wiki", (_w(
        r"protest(?:s|ed|ers|ors)?", r"demonstrat(?:e|ed|ion|ions|ors)", r"rall(?:y|ies)",
        r"march(?:es|ed)?", "general strike", r"strik(?:e|es|ing) (?:workers|union)",
        r"boycott(?:s|ed)?", r"riot(?:s|ing)?"),)),
    Stratum("wiki_coerce", 40, "wiki", (_w(
        r"arrest(?:s|ed)?", r"detain(?:s|ed)?", r"seiz(?:e|es|ed|ure)", r"jail(?:s|ed)?",
        r"sentenc(?:e|es|ed)", r"ban(?:s|ned)?", r"censor(?:s|ed|ship)?",
        r"block(?:s|ed)", r"expel(?:s|led)?", r"deport(?:s|ed|ation)?",
        r"convict(?:s|ed)?", r"blockades?"),)),
    Stratum("wiki_consult", 35, "wiki", (_w(
        r"meet(?:s|ing)?", "met", r"talks", r"visit(?:s|ed)?", r"summits?",
        r"negotiat(?:e|es|ed|ions)", r"discuss(?:es|ed)?", r"host(?:s|ed)"),)),
    Stratum("wiki_investigate", 30, "wiki", (_w(
        r"investigat(?:e|es|ed|ion|ions|ors)", r"inquir(?:y|ies)", r"probes?",
        r"inspect(?:s|ed|ion|ions|ors)", r"audits?"),)),
    Stratum("wiki_mobilize", 25, "wiki", (_w(
        r"deploy(?:s|ed|ment)?", "troops", r"mobili[sz](?:e|es|ed|ation)", "high alert",
        r"reinforcements?", r"(?:military )?exercises", r"drills?", r"mass(?:es|ed)"),)),
    Stratum("wiki_retreat", 20, "wiki", (_w(
        r"withdraw(?:s|n|al)?", "withdrew", r"pull(?:s|ed)? (?:out|back)",
        r"retreat(?:s|ed)?", r"evacuat(?:e|es|ed|ion)", r"hand(?:s|ed)? over",
        r"recaptur(?:e|es|ed)", r"abandon(?:s|ed)?"),)),
    Stratum("wiki_random", 60, "wiki"),
)
RANDOM_STRATUM = {"gov": "gov_random", "wiki": "wiki_random"}


def scaled(plan: Sequence[Stratum], size: int) -> tuple[Stratum, ...]:
    """Return `plan` with its sizes scaled to sum to `size`, in the same proportions:
    each share rounded down, then the largest remainders (earliest first on ties) get one
    more."""
    total = sum(s.size for s in plan)
    exact = [s.size * size / total for s in plan]
    sizes = [int(x) for x in exact]
    by_remainder = sorted(range(len(plan)), key=lambda i: (-(exact[i] - sizes[i]), i))
    for i in by_remainder[:size - sum(sizes)]:
        sizes[i] += 1
    return tuple(replace(s, size=n) for s, n in zip(plan, sizes, strict=True))
