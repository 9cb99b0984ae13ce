"""What the observatory and personal-data browser tests share: a signed-in page, the reflow check.

Zoom is emulated as browsers do it, by narrowing the CSS viewport: a 1280 px window at 200 %
zoom lays pages out in 640 CSS px, and WCAG 1.4.10 (Reflow) asks for no sideways scrolling at
320 CSS px (a 1280 px window at 400 %), narrower than the 360 px phone.
"""

from django.conf import settings
from django.test import Client

# A small phone, portrait (the default of ``new_page``), and a laptop screen.
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
# The widths each viewport is checked at: as it is, then zoomed in.
ZOOMED_WIDTHS = {PHONE["width"]: (360, 320), DESKTOP["width"]: (1280, 640)}

# The document's width against the window's, and what sticks out (to explain a failure).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const outside = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width && box.height && (box.right > width + 0.5 || box.left < -0.5)
        && !el.closest("[role=region][tabindex]")) {
      const classes = typeof el.className === "string" && el.className.trim()
        ? "." + el.className.trim().split(/\\s+/).join(".") : "";
      outside.push(`${el.tagName.toLowerCase()}${classes} [${box.left}, ${box.right}]`);
    }
  }
  return {
    scrollWidth: document.scrollingElement.scrollWidth,
    innerWidth: window.innerWidth,
    outside: outside.slice(0, 10),
  };
}"""


def session_cookie(site_url: str, email: str) -> dict:
    """The cookie of a session signed in as ``email`` (signing in is tested elsewhere)."""
    from parents.models import User

    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(email=email))
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": value, "url": site_url}


def signed_in(new_page, site_url: str, email: str, *, bypass_csp: bool = True, **options):
    """A fresh page whose browser holds ``email``'s session.

    The site's CSP is bypassed by default, for axe-core's injected script; the tests that
    watch the policy or the rooms' scripts under it pass ``bypass_csp=False``.
    """
    page = new_page(bypass_csp=bypass_csp, **options)
    page.context.add_cookies([session_cookie(site_url, email)])
    return page


def assert_reflows(page) -> None:
    """Nothing scrolls sideways at the page's width, nor zoomed in; the width is put back."""
    viewport = page.viewport_size
    try:
        for width in ZOOMED_WIDTHS[viewport["width"]]:
            page.set_viewport_size({"width": width, "height": viewport["height"]})
            layout = page.evaluate(OVERFLOW)
            assert layout["scrollWidth"] <= layout["innerWidth"], (
                f"{page.url} scrolls sideways at {width} CSS px (document "
                f"{layout['scrollWidth']} px wide); sticking out: {layout['outside']}"
            )
    finally:
        page.set_viewport_size(viewport)
