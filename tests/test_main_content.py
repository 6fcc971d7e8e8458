"""Main content on pages of today's kinds, made for these tests: a listing whose items are the
content, a forum thread whose posts are, a product page, a documentation page with code and a
table, an article with subheadings, an article followed by a related-stories grid; and pages
whose content a reader sees although the markup hides it from a naive walk (``<noscript>``,
JSON-LD only, an unclosed ``<button>``)."""

from __future__ import annotations

import json

from normalize import normalize_document
from normalize.boilerplate.html import extract_html

NAV = """<header class="site-header"><a href="/">Acme</a><nav class="main-nav"><ul>
<li><a href="/">Home</a></li><li><a href="/blog">Blog</a></li><li><a href="/shop">Shop</a></li>
<li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>"""
FOOTER = """<footer class="site-footer"><ul><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/terms">Terms of use</a></li></ul><p>© 2025 Acme Media Ltd. All rights reserved.</p></footer>"""


def page(main: str, title: str = "Acme") -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body>{NAV}<main>{main}</main>{FOOTER}</body></html>"


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p]


def test_a_listing_keeps_its_items_and_drops_the_chrome() -> None:
    items = [("Senior data engineer", "Build and run the pipelines that feed our forecasting models, in Python and SQL."),
             ("Product designer", "Shape the tools our field teams use every day, from research to the final pixels."),
             ("Support specialist", "Help customers in three time zones get the most out of their subscriptions."),
             ("Backend developer", "Design the services behind our booking platform and keep them fast and reliable."),
             ("Technical writer", "Explain complex features in plain words for developers and administrators alike.")]
    cards = "".join(f'<li class="job-card"><h3><a href="/jobs/{i}">{name}</a></h3><p>{blurb}</p>'
                    f'<span class="loc">Remote, Europe</span></li>' for i, (name, blurb) in enumerate(items))
    html = page(f'<h1>Open positions</h1><p>We are hiring across five teams. Every role below is open to remote '
                f'applicants in Europe and comes with a learning budget.</p><ul class="jobs">{cards}</ul>', "Careers - Acme")
    text = extract_html(html)
    for name, blurb in items:
        assert name in text and blurb in text
    assert "Privacy policy" not in text and "About us" not in text and "All rights reserved" not in text


def test_a_forum_thread_keeps_every_post() -> None:
    posts = ["My router drops the connection every evening around eight. I have already replaced the cable and "
             "updated the firmware, but nothing changed. Has anyone seen this before?",
             "Check whether your provider runs maintenance at that time. Mine did, and the drops stopped once they "
             "moved my line to another node in the exchange.",
             "It could also be interference from a neighbour's network. Try switching the wireless channel to one "
             "of the less crowded ones and see whether the drops continue.",
             "Thanks, both of you. Changing the channel fixed it: two evenings without a single drop so far."]
    thread = "".join(f'<div class="post"><div class="post-author"><a href="/u/{i}">user{i}</a> · 3 Mar 2025</div>'
                     f'<div class="post-body"><p>{text}</p></div><div class="post-actions"><a href="#">Reply</a> '
                     f'<a href="#">Quote</a></div></div>' for i, text in enumerate(posts))
    html = page(f'<h1>Router drops connection every evening</h1><div class="thread">{thread}</div>', "Forum - Acme")
    text = extract_html(html)
    assert all(post in text for post in posts)
    assert "Reply" not in paragraphs(text) and "Privacy policy" not in text


def test_a_product_page_keeps_its_description_and_specifications() -> None:
    html = page("""<div class="product"><h1>Trail 40 hiking backpack</h1><div class="price">€129.00</div>
<button class="add-to-cart">Add to cart</button>
<div class="description"><p>The Trail 40 carries everything for a long weekend in the hills. Its back panel lets air
through on warm climbs, and the hip belt takes the weight off your shoulders.</p>
<p>A rain cover folds into the lid pocket, and the side pockets hold two one-litre bottles within reach.</p></div>
<h2>Specifications</h2><table class="specs"><tr><th>Volume</th><td>40 litres</td></tr>
<tr><th>Weight</th><td>1.2 kg</td></tr><tr><th>Material</th><td>Recycled nylon</td></tr></table></div>
<div class="related-products"><h2>You may also like</h2><ul><li><a href="/p/1">Trail 20 daypack</a></li>
<li><a href="/p/2">Summit 60 trekking pack</a></li><li><a href="/p/3">Hydration bladder 2 l</a></li></ul></div>""",
                "Trail 40 hiking backpack | Acme")
    text = extract_html(html)
    assert "The Trail 40 carries everything for a long weekend in the hills." in text
    assert "A rain cover folds into the lid pocket" in text
    assert "40 litres" in text and "Recycled nylon" in text
    assert "Summit 60 trekking pack" not in text and "Add to cart" not in text


def test_a_documentation_page_keeps_code_and_table_in_order() -> None:
    code = "import acme\n\nclient = acme.Client(token=\"...\")\nclient.upload(\"report.csv\")"
    html = page(f"""<div class="docs-layout"><aside class="docs-sidebar"><ul><li><a href="/docs/start">Getting started</a></li>
<li><a href="/docs/upload">Uploading files</a></li><li><a href="/docs/auth">Authentication</a></li></ul></aside>
<article class="docs-content"><h1>Uploading files</h1>
<p>The client uploads a file in one call. It retries on network errors and resumes where it stopped.</p>
<pre><code>{code}</code></pre>
<h2>Limits</h2><p>Each plan allows files up to a certain size, as the table below shows.</p>
<table><tr><th>Plan</th><th>Largest file</th></tr><tr><td>Free</td><td>100 MB</td></tr>
<tr><td>Team</td><td>5 GB</td></tr></table></article></div>""", "Uploading files - Acme docs")
    text = extract_html(html)
    order = ["The client uploads a file in one call.", "client.upload(\"report.csv\")", "Limits",
             "Each plan allows files up to a certain size", "5 GB"]
    positions = [text.find(piece) for piece in order]
    assert -1 not in positions and positions == sorted(positions), (positions, text)
    assert "Authentication" not in text


def test_subheadings_are_kept_between_their_paragraphs() -> None:
    sections = [("Why cities plant trees", "Trees cool streets by several degrees on hot days and soak up rain that would "
                 "otherwise flood the drains."),
                ("What it costs", "A young street tree costs the city about four hundred euros to plant and water "
                 "during its first three summers."),
                ("Where the new trees go", "The first thousand trees go to the districts with the least shade, chosen "
                 "from a heat map of last summer.")]
    body = "".join(f"<h2>{h}</h2><p>{p}</p>" for h, p in sections)
    html = page(f"<article><h1>The city will plant ten thousand trees</h1><p>The council approved the plan on "
                f"Tuesday after two years of debate about where the money should come from.</p>{body}</article>",
                "The city will plant ten thousand trees - Acme News")
    got = paragraphs(extract_html(html))
    want = [p for h, para in sections for p in (h, para)]
    assert got[-len(want):] == want


def test_an_article_followed_by_a_related_grid_drops_the_grid() -> None:
    related = "".join(f'<div class="card"><a href="/news/{i}"><img src="/i/{i}.jpg" alt=""><h3>{t}</h3></a>'
                      f'<span class="date">2 hours ago</span></div>'
                      for i, t in enumerate(["Ferry timetable changes from Monday", "New cycle lane opens on the quay",
                                             "Harbour festival returns this summer", "Bus drivers vote on new contract"]))
    story = ["The harbour bridge will close for repairs for six weeks from the first of June, the port authority "
             "said on Wednesday.", "Drivers will be sent along the ring road, which adds about ten minutes to a "
             "crossing at rush hour, while cyclists and pedestrians can still use the footway.",
             "The repairs replace the joints that carry the road deck, worn after forty years of traffic."]
    html = page("<article><h1>Harbour bridge to close for six weeks</h1>" + "".join(f"<p>{p}</p>" for p in story)
                + f'</article><section class="related"><h2>More stories</h2><div class="grid">{related}</div></section>',
                "Harbour bridge to close for six weeks - Acme News")
    assert paragraphs(extract_html(html)) == story


def test_posts_served_only_in_noscript_are_read() -> None:
    posts = ["The new timetable is much better for those of us who start work early in the morning.",
             "I agree, although the last bus on Sundays still leaves far too early for anyone working late."]
    noscript = "".join(f'<div class="post"><p>{p}</p></div>' for p in posts)
    html = page(f'<div id="app">Loading…</div><noscript>{noscript}</noscript>', "Forum - Acme")
    assert all(p in extract_html(html) for p in posts)


def test_an_article_only_in_json_ld_is_the_body() -> None:
    body = ("The library reopens on Monday after a year of building work.\n\nIts new reading room seats two hundred "
            "people and stays open until ten in the evening on weekdays.")
    data = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "Library"},
                                                         {"@type": "NewsArticle", "headline": "Library reopens",
                                                          "articleBody": body}]}
    html = (f'<html><head><title>Library reopens</title><script type="application/ld+json">{json.dumps(data)}</script>'
            f'</head><body>{NAV}<div id="root"></div>{FOOTER}</body></html>')
    assert paragraphs(extract_html(html)) == body.split("\n\n")
    doc = normalize_document(html, id="lib")  # the pipeline too: the data's paragraphs become body blocks
    assert doc.text == body
    assert [(b.role, b.tag) for b in doc.blocks if b.role == "body"] == [("body", "structured")] * 2


def test_an_unclosed_button_does_not_hide_the_rest_of_the_page() -> None:
    story = ["The museum's new wing opens to visitors on Saturday with an exhibition of maps from four centuries.",
             "Entry to the new wing is free for the first month, the museum said in a statement on Friday."]
    html = ('<html><head><title>Museum</title></head><body><div class="toolbar"><button class="menu">Menu'
            '<div class="content"><h1>Museum opens new wing</h1>' + "".join(f"<p>{p}</p>" for p in story)
            + "</div></body></html>")
    assert paragraphs(extract_html(html)) == story


def test_an_article_streamed_by_react_is_read_in_its_place() -> None:
    # React's streamed rendering: the article arrives hidden after the footer, and its script
    # moves it to the marker in <main>; enough chrome is visible that the page is not "empty"
    story = ["The ferry to the islands runs twice a day again from Monday, after a month of repairs to the pier.",
             "Tickets bought for cancelled crossings can be used on any sailing until the end of the summer."]
    chrome = "".join(f"<li><a href='/t/{i}'>Topic number {i} of the site</a></li>" for i in range(12))
    html = ('<!doctype html><html><head><title>Ferry returns</title></head><body>' + NAV
            + '<main><template id="B:0"></template><div class="skeleton">Loading</div></main>'
            + f'<aside><ul>{chrome}</ul></aside>' + FOOTER
            + '<div hidden id="S:0"><article><h1>Ferry returns</h1>' + "".join(f"<p>{p}</p>" for p in story)
            + '</article></div><script>$RC("B:0","S:0")</script></body></html>')
    assert paragraphs(extract_html(html)) == story


def test_answers_in_collapsed_panels_are_read_and_a_hidden_popup_is_not() -> None:
    # An FAQ whose answers sit in closed panels (hidden until a question is clicked), and a
    # newsletter pop-up hidden the same way: the answers are the page's content, the pop-up is
    # dropped from the record altogether (a reader never saw it)
    intro = ["Everything you need to know about getting your order and sending it back if it is not right for you.",
             "We pack every parcel by hand in our own workshop, with paper and card only, and hand it to a courier "
             "who tracks it to your door."]
    answers = ["Orders placed before noon leave our warehouse the same day and usually arrive within two working "
               "days anywhere in the country.",
               "You can send back any unused item within thirty days of delivery, and we refund the full price once "
               "it reaches us.",
               "We ship to most European countries; the cost depends on the weight of the parcel and is shown "
               "before you pay."]
    panels = "".join(f'<div class="faq-item"><button aria-expanded="false">Question {i}</button>'
                     f'<div class="faq-answer" hidden><p>{a}</p></div></div>' for i, a in enumerate(answers))
    popup = '<div class="modal" style="display: none"><p>Sign up to our newsletter and get ten percent off your first order today.</p></div>'
    html = page("<h1>Delivery and returns</h1>" + "".join(f"<p>{p}</p>" for p in intro)
                + f'<section class="faq"><h2>Frequently asked questions</h2>{panels}</section>', "Delivery - Acme")
    html = html.replace("</body>", popup + "</body>")
    assert paragraphs(extract_html(html)) == intro + ["Frequently asked questions"] + answers
    doc = normalize_document(html, html=True)
    assert doc.text.split("\n\n") == intro + ["Frequently asked questions"] + answers
    assert not any("newsletter" in b.text for b in doc.blocks)
    assert any(b.text == "© 2025 Acme Media Ltd. All rights reserved." and b.role == "boilerplate" for b in doc.blocks)


def test_hidden_words_inside_a_paragraph_stay_out_of_it_and_hidden_blocks_are_marked() -> None:
    from normalize.structure.page import parse_page

    shown = "The lamp costs 15 euros this week, down from its usual price, and ships the next working day."
    html = page(f'<h1>Desk lamp</h1><p>The lamp costs 15 euros <span style="display:none">(was 25)</span>this week, '
                'down from its usual price, and ships the next working day.</p>'
                '<div class="tab-panel" aria-hidden="true"><p>Made of brushed steel, with a cable of two metres.</p></div>')
    blocks = [(b.text, b.hidden) for b in parse_page(html).blocks]
    assert (shown, False) in blocks
    assert ("Made of brushed steel, with a cable of two metres.", True) in blocks
