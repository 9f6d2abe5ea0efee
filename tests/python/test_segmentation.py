"""Sentence segmentation as DESIGN.md section 3 ("Sentences") defines it."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import pytest

import framelens as fl
from framelens import _core


def sentences(text):
    return fl.split_sentences(text)


def check(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He left. She stayed.", ["He left.", "She stayed."]),
    ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
    ("Wait! Stop! Now.", ["Wait!", "Stop!", "Now."]),
    ("What?! Really?! Yes.", ["What?!", "Really?!", "Yes."]),
    ("Talks failed. 2022 began badly.", ["Talks failed.", "2022 began badly."]),
    ("He left.  She stayed.", ["He left.", "She stayed."]),
    ("He left.\u00a0She stayed.", ["He left.", "She stayed."]),
    ("He left. \"Bye,\" she said.", ["He left.", "\"Bye,\" she said."]),
    ("No final punctuation", ["No final punctuation"]),
], ids=repr)
def test_terminal_punctuation_ends_a_sentence(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Wait... He left.", ["Wait...", "He left."]),
    ("Then\u2026 He left.", ["Then\u2026", "He left."]),
    ("It ended...\nThen more.", ["It ended...", "Then more."]),
], ids=repr)
def test_ellipsis_ends_a_sentence(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("Gen. Gerasimov met Prof. Smith. They talked.",
     ["Gen. Gerasimov met Prof. Smith.", "They talked."]),
    ("Mrs. Clinton spoke. Then Sen. Graham.", ["Mrs. Clinton spoke.", "Then Sen. Graham."]),
    ("St. Petersburg is large. Moscow too.", ["St. Petersburg is large.", "Moscow too."]),
    ("On Sept. 12 talks resume. Fine.", ["On Sept. 12 talks resume.", "Fine."]),
    ("On Jan. 5 he came.", ["On Jan. 5 he came."]),
    ("He bought apples, pears, etc. and left.", ["He bought apples, pears, etc. and left."]),
    ("Visit at 5 p.m. if you can. Or not.", ["Visit at 5 p.m. if you can.", "Or not."]),
    ("Acme Inc. said profits rose. Shares fell.", ["Acme Inc. said profits rose.", "Shares fell."]),
    ("He earned a Ph.D. in physics. Then he left.",
     ["He earned a Ph.D. in physics.", "Then he left."]),
    ("Then e.g. this. And i.e. that.", ["Then e.g. this.", "And i.e. that."]),
    ("It was No. 5 in 2021. Fine.", ["It was No. 5 in 2021.", "Fine."]),
], ids=repr)
def test_abbreviation_period_does_not_end_a_sentence(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("J. R. R. Tolkien wrote. He died.", ["J. R. R. Tolkien wrote.", "He died."]),
    ("Vladimir V. Putin said so. Joe R. Biden disagreed.",
     ["Vladimir V. Putin said so.", "Joe R. Biden disagreed."]),
    ("The U.S. President spoke. Then he left.", ["The U.S. President spoke.", "Then he left."]),
    ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
    ("the embassy in Washington D.C. - Ledger Wire, 1930",
     ["the embassy in Washington D.C. - Ledger Wire, 1930"]),
    ("He lives in the U.S. He came back.", ["He lives in the U.S.", "He came back."]),
], ids=repr)
def test_initials_and_dotted_short_forms(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("It rose 3.5 percent. Then fell.", ["It rose 3.5 percent.", "Then fell."]),
    ("Prices rose 2.5% in 2021. They fell later.",
     ["Prices rose 2.5% in 2021.", "They fell later."]),
    ("Ledger Wire, 1930, 14.03.2022", ["Ledger Wire, 1930, 14.03.2022"]),
    ("It cost $1,000.50 in total. Cheap.", ["It cost $1,000.50 in total.", "Cheap."]),
    ("The vote was 52-48. It passed.", ["The vote was 52-48.", "It passed."]),
], ids=repr)
def test_decimal_and_date_periods_do_not_end_a_sentence(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("See https://example.com/a.b?x=1 for more. Then go.",
     ["See https://example.com/a.b?x=1 for more.", "Then go."]),
    ("Read https://example.org/path/file.html?id=3.5&x=y. Then stop.",
     ["Read https://example.org/path/file.html?id=3.5&x=y.", "Then stop."]),
    ("See www.example.com. Then go.", ["See www.example.com.", "Then go."]),
    ("Visit sputniknews.com/20211228/talks-1091891.html for more. Or not.",
     ["Visit sputniknews.com/20211228/talks-1091891.html for more.", "Or not."]),
    ("Email jane.doe@example.com. Then stop.", ["Email jane.doe@example.com.", "Then stop."]),
], ids=repr)
def test_url_periods_do_not_end_a_sentence(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ('He said "Go home." Then he left.', ['He said "Go home."', "Then he left."]),
    ("He said «Go.» She left.", ["He said «Go.»", "She left."]),
    ("“Quote.” Next.", ["“Quote.”", "Next."]),
    ("He asked: 'Why?' Then he left.", ["He asked: 'Why?'", "Then he left."]),
    ("(He left.) She stayed.", ["(He left.)", "She stayed."]),
    ("[Note: done.] Next one.", ["[Note: done.]", "Next one."]),
    ('She said: "It is over.") Next.', ['She said: "It is over.")', "Next."]),
    ('"We wanted this." "But not that."', ['"We wanted this."', '"But not that."']),
], ids=repr)
def test_closing_quotes_and_brackets_stay_with_their_sentence(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("It ended.\nNew line here.", ["It ended.", "New line here."]),
    ("He left.\r\nShe stayed.", ["He left.", "She stayed."]),
    ("He left.\u2028She stayed.", ["He left.", "She stayed."]),
    ("He left!\nShe stayed?\nYes.", ["He left!", "She stayed?", "Yes."]),
    ('He said "no."\nShe left.', ['He said "no."', "She left."]),
    ("One.\n\nTwo.", ["One.", "Two."]),
], ids=repr)
def test_line_break_after_terminal_punctuation_ends_a_sentence(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Russia Says Talks Will Go Ahead\nThe Kremlin confirmed the date on Tuesday.",
     ["Russia Says Talks Will Go Ahead", "The Kremlin confirmed the date on Tuesday."]),
    ("U.S. Officials Deny Report\nWashington said nothing.",
     ["U.S. Officials Deny Report", "Washington said nothing."]),
    ("Headline Here\nThe text starts. Ok.", ["Headline Here", "The text starts.", "Ok."]),
    ("Finnish Defence Ministry: Drills Planned for Spring Near Border\nThe EU said no.",
     ["Finnish Defence Ministry: Drills Planned for Spring Near Border", "The EU said no."]),
    ("Заголовок открываемого материала\nТекст статьи.",
     ["Заголовок открываемого материала", "Текст статьи."]),
], ids=repr)
def test_line_break_after_a_headline_like_line_ends_a_sentence(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text", [
    "Officials said the talks, which had been postponed twice since the autumn, would\n"
    "resume in Geneva in the second week of January, weeks later than planned.",
    "The Austrian Interior Ministry published draft rules on checks at borders,\n"
    "which it said were meant to stop the further growth of traffic to the south.",
    "The ministry said that the draft documents had been handed over to the\n"
    "Americans and their allies, and that it expected an answer within a month.",
    "The ministry said that the draft documents had been handed over to the United\n"
    "States and its allies, and that it expected an answer within a month or so.",
    "Deputy Foreign Minister Sergei Ryabkov said the talks with the delegation led by\n"
    "Wendy Sherman would be held in Geneva and would focus on security guarantees.",
], ids=["lower-continuation", "comma-then-relative", "the-Americans", "the-United-States",
        "led-by-Wendy"])
def test_line_break_inside_a_hard_wrapped_sentence_does_not_end_it(text):
    check(text, [text])


def test_hard_wrapped_paragraph_keeps_its_sentences():
    text = ("On March 3rd, the Austrian Interior Ministry published draft rules\n"
            "between Austria and Italy and Slovenia on border checks. The papers have\n"
            "already been sent to Rome and its partners.")
    check(text, [
        "On March 3rd, the Austrian Interior Ministry published draft rules\n"
        "between Austria and Italy and Slovenia on border checks.",
        "The papers have\nalready been sent to Rome and its partners.",
    ])


# -- spans --------------------------------------------------------------------------------
SPAN_TEXTS = [
    "",
    "   ",
    "He left. She stayed.",
    "  Leading space. Trailing space.  \n",
    "Headline\n\n\nBody text here. More text.\n\n",
    "😀 Emoji first. Then \x00 NUL. Then e\u0301 decomposed.",
    "«Quoted.» (Bracketed.) \"Both.\"",
    "A\r\nB\r\n\r\nC.",
]


@pytest.mark.parametrize("text", SPAN_TEXTS, ids=repr)
def test_sentence_spans_are_ordered_disjoint_trimmed_and_exact(text):
    lex = fl.Lexicon.from_dict({"terms": [{"term": "zzz", "category": "c"}]})
    doc = fl.Analyzer(lex).analyze(text)
    prev_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.index == i
        assert text[s.start:s.end] == s.text
        assert prev_end <= s.start < s.end
        assert s.text == s.text.strip(), "a sentence neither starts nor ends with whitespace"
        prev_end = s.end
    # every token belongs to exactly one sentence
    for a, b, _, si in _core.tokens(text):
        holders = [s for s in doc.sentences if s.start <= a and b <= s.end]
        assert len(holders) == 1
        assert holders[0].index == si
    # nothing but whitespace lies outside the sentences
    covered = set()
    for s in doc.sentences:
        covered.update(range(s.start, s.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_split_sentences_agrees_with_analyze():
    text = "Kiev claims the situation in Donbass is calm. Moscow disagrees!\nHeadline\nBody."
    lex = fl.Lexicon.from_dict({"terms": [{"term": "zzz", "category": "c"}]})
    assert sentences(text) == [s.text for s in fl.Analyzer(lex).analyze(text).sentences]
