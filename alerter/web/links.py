"""The links an email carries to `alerter serve`: the one-click unsubscribe URL of each
recipient (in List-Unsubscribe and in the body), and the pages of the web archive.

A digest is rendered once for all its recipients and kept in the outbox, so its body
holds a stand-in link (`BODY_LINK`), which the email channel replaces with each
recipient's own signed link as it sends.
"""

from __future__ import annotations

from alerter.config import WebConfig
from alerter.web.tokens import Tokens

# Stands for a recipient's own link until the message is sent; never valid as a token.
STAND_IN = "your-own-unsubscribe-link"


class UnsubscribeLinks:
    """The unsubscribe links of one site (`web.base_url`, signed with `web.secret`)."""

    def __init__(self, web: WebConfig) -> None:
        self.base_url = web.base_url
        self.tokens = Tokens(web.secret)

    @property
    def stand_in(self) -> str:
        """Give the link templates get as `unsubscribe.url` (replaced per recipient)."""
        return f"{self.base_url}/u/{STAND_IN}"

    def url(self, address: str, subscription: str) -> str:
        """Give the link that unsubscribes `address` from `subscription` at once."""
        return f"{self.base_url}/u/{self.tokens.unsubscribe(address, subscription)}"

    def personalise(self, bodies: dict[str, str], url: str) -> dict[str, str]:
        """Give the bodies with the stand-in link replaced by the recipient's `url`."""
        return {fmt: body.replace(self.stand_in, url) for fmt, body in bodies.items()}
