"""Sentence splitting on the hard cases of Persian news; spans always index the original text."""

import pytest

from rooydad.text import split_sentences


def _split(text):
    spans = list(split_sentences(text))
    for s, e in spans:
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize("text, expected", [
    # a stop inside «...» does not end the sentence
    ("وی گفت: «ایران آماده است. ما صبر نمی‌کنیم.» سپس جلسه پایان یافت.",
     ["وی گفت: «ایران آماده است. ما صبر نمی‌کنیم.» سپس جلسه پایان یافت."]),
    # `اظهار داشت:` at the end of a line: the speech on the next line stays with its speaker
    # (fars-13940810001142: "... پرداخت و گفت:\n*من بعد خودت با صدای خوش تحریرت اذان بگو")
    ("همرزم این شهید عزیز به بیان خاطره پرداخت و گفت:\n*من بعد خودت با صدای خوش تحریرت اذان بگو\nیکی از خصوصیت‌های بارز شهید تاکید بر نماز بود.",
     ["همرزم این شهید عزیز به بیان خاطره پرداخت و گفت:\n*من بعد خودت با صدای خوش تحریرت اذان بگو",
      "یکی از خصوصیت‌های بارز شهید تاکید بر نماز بود."]),
    ("وزیر اظهار داشت: ما آماده گفت‌وگو هستیم. تحریم‌ها باید لغو شود.",
     ["وزیر اظهار داشت: ما آماده گفت‌وگو هستیم.", "تحریم‌ها باید لغو شود."]),
    # dotted abbreviations (fars-8201230102 `ج.ا.ا`, fars-8212230014 `N.P.T`), Latin `U.S.`, decimals
    ("معاون روابط عمومی ارتش ج.ا.ا ویژه برنامه‌ها را اعلام کرد. خروج از N.P.T مطرح شد.",
     ["معاون روابط عمومی ارتش ج.ا.ا ویژه برنامه‌ها را اعلام کرد.", "خروج از N.P.T مطرح شد."]),
    ("نیروهای U.S. از منطقه رفتند. رشد اقتصادی ۲.۵ درصد بود.", ["نیروهای U.S. از منطقه رفتند.", "رشد اقتصادی ۲.۵ درصد بود."]),
    ("م. ر. شجاعی نویسنده کتاب است.", ["م. ر. شجاعی نویسنده کتاب است."]),
    # numbered lists (fars-13920124001255: "... بیان کرد:\n1. گزارشِ جامعه اطلاعاتی آمریکا ...")
    ("موارد زیر مهم است.\n1. گزارش جامعه اطلاعاتی آمریکا منتشر شد.\n12. تهدیدهای سایبری بررسی شد.",
     ["موارد زیر مهم است.", "1. گزارش جامعه اطلاعاتی آمریکا منتشر شد.", "12. تهدیدهای سایبری بررسی شد."]),
    ("۱. نخستین بند\n۲. دومین بند", ["۱. نخستین بند", "۲. دومین بند"]),
    # headlines without a final stop, blank lines, `؟!`
    ("عراقچی در مسکو\n\nوزیر خارجه به مسکو رفت. آیا توافق می‌شود؟! پاسخ روشن نیست",
     ["عراقچی در مسکو", "وزیر خارجه به مسکو رفت.", "آیا توافق می‌شود؟!", "پاسخ روشن نیست"]),
    # balanced ASCII quotes protect their stops; an unclosed « does not swallow the line
    ('او گفت "این کار. خوب است." و رفت.', ['او گفت "این کار. خوب است." و رفت.']),
    ("او گفت: «این کار خوب است. ما می‌رویم. پایان", ["او گفت: «این کار خوب است.", "ما می‌رویم.", "پایان"]),
])
def test_text_sentences_hard_cases(text, expected):
    assert _split(text) == expected


def test_text_sentences_reference_article_one_sentence_a_line():
    from .conftest import REFERENCE

    text = REFERENCE.read_text(encoding="utf-8")
    spans = _split(text)
    assert len(spans) == len([line for line in text.splitlines() if line.strip()])
