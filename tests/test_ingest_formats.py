"""Readers for HTML, RSS/Atom, WARC and CSV/TSV: real-shaped fixtures built here, bad input of each kind.

The Persian sentences are short paraphrases in the style of the reference article (written for
the tests), not corpus text.
"""

import gzip
import io

import pytest
from click.testing import CliRunner

from rooydad.cli import cli
from rooydad.errors import DateError, IngestError
from rooydad.ingest import read

LEAD = "سید عباس عراقچی وزیر امور خارجه ایران که به مسکو سفر کرده است، روز چهارشنبه با سرگئی لاوروف وزیر امور خارجه روسیه دیدار و گفت‌وگو کرد."
BODY = "دو وزیر درباره روابط دوجانبه و تحولات منطقه‌ای رایزنی کردند و بر گسترش همکاری‌ها تاکید کردند."
SECOND = "رئیس‌جمهور ایران در تهران با نخست‌وزیر عراق دیدار کرد و دو طرف درباره همکاری‌های اقتصادی گفت‌وگو کردند."


def page(title=LEAD[:30], body=(LEAD, BODY), date="2025-12-17", site="ایرنا", charset="utf-8"):
    meta = f'<meta charset="{charset}">' if charset else ""
    date_meta = f'<meta property="article:published_time" content="{date}T10:00:00Z">' if date else ""
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (
        f"<!DOCTYPE html><html lang='fa' dir='rtl'><head>{meta}<title>{title}</title>"
        f'<meta property="og:site_name" content="{site}">{date_meta}</head>'
        f"<body><nav><a href='/'>صفحه اصلی</a> | <a href='/politics'>سیاسی</a></nav>"
        f"<article><h1>{title}</h1>{paras}</article><footer>کلیه حقوق محفوظ است</footer></body></html>"
    )


# --- HTML -----------------------------------------------------------------------------------


def test_ingest_html_main_text_title_date_agency(tmp_path):
    p = tmp_path / "a.html"
    p.write_text(page(title="دیدار عراقچی و لاوروف"), encoding="utf-8")
    (doc,) = read([str(p)])
    assert (doc.id, doc.date, doc.agency, doc.title) == (str(p), "2025-12-17", "ایرنا", "دیدار عراقچی و لاوروف")
    assert doc.text.startswith(LEAD)  # the h1 title is not repeated in the text
    assert "گفت‌وگو" in doc.text  # half-spaces survive the extractor
    assert "صفحه اصلی" not in doc.text and "حقوق محفوظ" not in doc.text  # boilerplate dropped


def cp1256(text: str) -> bytes:
    """Windows-1256 has the Arabic ي and ك, not the Persian ی and ک: older pages are written so."""
    return text.replace("ی", "ي").replace("ک", "ك").encode("cp1256")


@pytest.mark.parametrize("declared", [True, False], ids=["meta-charset", "detected"])
def test_ingest_html_windows_1256(tmp_path, declared):
    p = tmp_path / "cp1256.htm"
    p.write_bytes(cp1256(page(charset="windows-1256" if declared else None)))
    (doc,) = read([str(p)])
    assert "سرگئي لاوروف" in doc.text and "گفت‌وگو" in doc.text and doc.agency == "ايرنا"


def test_ingest_html_folder_and_bad_pages(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.html").write_text(page(), encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><head><title>خالی</title></head><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    (tmp_path / "baddate.html").write_text(page().replace('content="2025-12-17T10:00:00Z"', 'content="13/45/2025"'), encoding="utf-8")
    errors = []
    docs = list(read([str(tmp_path)], errors.append))
    assert [d.id for d in docs if d.id.endswith("good.html")] == [str(tmp_path / "sub" / "good.html")]
    assert sorted(str(e).split(": ", 1)[1] for e in errors) == ["date '13/45/2025' does not parse (expected YYYY-MM-DD)", "no article text found in the HTML"]
    assert len(docs) == 1


def test_ingest_html_truncated_markup_still_reads(tmp_path):
    html = page()
    p = tmp_path / "cut.html"
    p.write_text(html[: html.index(BODY) + 20], encoding="utf-8")
    errors = []
    docs = list(read([str(p)], errors.append))
    assert not errors and docs[0].text.startswith(LEAD)


# --- RSS / Atom -----------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>خبرگزاری ایرنا</title><link>https://example.ir/</link>
<item><guid>https://example.ir/news/1</guid><title>دیدار عراقچی و لاوروف</title>
<link>https://example.ir/news/1</link><pubDate>Wed, 17 Dec 2025 10:00:00 +0330</pubDate>
<description><![CDATA[<p>{lead}</p><p>{body}</p>]]></description></item>
<item><guid>https://example.ir/news/2</guid><title>بدون تاریخ درست</title>
<pubDate>سه‌شنبه گذشته</pubDate><description>{second}</description></item>
<item><guid>https://example.ir/news/3</guid><title>دیدار در تهران</title>
<pubDate>Thu, 18 Dec 2025 08:00:00 GMT</pubDate><description>{second}</description></item>
</channel></rss>
""".format(lead=LEAD, body=BODY, second=SECOND)

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>ایسنا</title><id>urn:isna</id><updated>2025-12-18T00:00:00Z</updated>
<entry><id>urn:isna:42</id><title>دیدار در تهران</title><updated>2025-12-18T08:00:00Z</updated>
<content type="html">&lt;p&gt;{SECOND}&lt;/p&gt;</content></entry></feed>
"""


def test_ingest_rss_items_and_bad_date(tmp_path):
    p = tmp_path / "feed.rss"
    p.write_text(RSS, encoding="utf-8")
    errors = []
    docs = list(read([str(p)], errors.append))
    assert [(d.id, d.date, d.agency) for d in docs] == [
        ("https://example.ir/news/1", "2025-12-17", "خبرگزاری ایرنا"),
        ("https://example.ir/news/3", "2025-12-18", "خبرگزاری ایرنا"),
    ]
    assert docs[0].text == LEAD + "\n" + BODY
    assert [(type(e), e.line) for e in errors] == [(DateError, 2)]
    assert str(errors[0]).startswith(f"{p}:2: item date")


def test_ingest_atom_entry(tmp_path):
    p = tmp_path / "isna.atom"
    p.write_text(ATOM, encoding="utf-8")
    (doc,) = read([str(p)])
    assert (doc.id, doc.date, doc.agency, doc.text) == ("urn:isna:42", "2025-12-18", "ایسنا", SECOND)


def test_ingest_feed_not_xml_and_cut_short(tmp_path):
    bad = tmp_path / "notafeed.xml"
    bad.write_text("این یک خوراک نیست، فقط متن است.", encoding="utf-8")
    cut = tmp_path / "cut.xml"
    cut.write_text(RSS[: RSS.index("<item><guid>https://example.ir/news/3")] + "<item><title>نیمه", encoding="utf-8")
    errors = []
    docs = list(read([str(bad), str(cut)], errors.append))
    assert [d.id for d in docs] == ["https://example.ir/news/1"]
    assert str(errors[0]).startswith(f"{bad}: not an RSS/Atom feed")
    assert any(str(e).startswith(f"{cut}:") and "breaks off" in str(e) for e in errors)


# --- WARC -----------------------------------------------------------------------------------


def _warc(path, pages, gz=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for uri, ctype, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    path.write_bytes(buf.getvalue())
    return path


def test_ingest_warc_html_responses_only(tmp_path):
    p = _warc(tmp_path / "crawl.warc.gz", [
        ("https://example.ir/news/1", "text/html; charset=utf-8", page().encode("utf-8")),
        ("https://example.ir/logo.png", "image/png", b"\x89PNG...."),
        ("https://example.ir/news/2", "text/html; charset=windows-1256", cp1256(page(body=(SECOND,), charset=None))),
    ])
    docs = list(read([str(p)]))
    assert [d.id for d in docs] == ["https://example.ir/news/1", "https://example.ir/news/2"]
    assert docs[0].date == "2025-12-17" and "در تهران با نخست" in docs[1].text.replace("ي", "ی")


def test_ingest_warc_truncated_gzip_keeps_earlier_records(tmp_path):
    p = _warc(tmp_path / "cut.warc.gz", [
        ("https://example.ir/news/1", "text/html", page().encode("utf-8")),
        ("https://example.ir/news/2", "text/html", page(body=(SECOND,)).encode("utf-8")),
    ])
    data = p.read_bytes()
    p.write_bytes(data[: len(data) - 200])
    errors = []
    docs = list(read([str(p)], errors.append))
    assert [d.id for d in docs] == ["https://example.ir/news/1"]
    assert len(errors) == 1 and isinstance(errors[0], IngestError) and str(errors[0]).startswith(f"{p}:")


# --- CSV / TSV ------------------------------------------------------------------------------


def test_ingest_csv_default_columns_and_bad_rows(tmp_path):
    p = tmp_path / "news.csv"
    p.write_text(
        "id,date,agency,title,text\n"
        f'c1,2025-12-17,ایرنا,دیدار,"{LEAD}"\n'
        f"c2,2025-12-18,ایسنا,تهران\n"
        f'c3,1404/09/26,ایسنا,تاریخ,"{SECOND}"\n'
        f'c4,,مهر,بی‌تاریخ,"{SECOND}"\n',
        encoding="utf-8",
    )
    errors = []
    docs = list(read([str(p)], errors.append))
    assert [(d.id, d.date, d.agency) for d in docs] == [("c1", "2025-12-17", "ایرنا"), ("c4", None, "مهر")]
    assert [(type(e), e.line) for e in errors] == [(IngestError, 3), (DateError, 4)]
    assert str(errors[0]) == f"{p}:3: 4 columns where the header has 5"


def test_ingest_tsv_with_mapping(tmp_path):
    from rooydad.ingest.csvfile import read_csv

    p = tmp_path / "news.tsv"
    p.write_text(f"uid\tpublished\tbody\nt1\t2025-12-17\t{LEAD}\n", encoding="utf-8")
    (doc,) = read_csv(p, print, {"id": "uid", "date": "published", "text": "body"})
    assert (doc.id, doc.date, doc.text) == ("t1", "2025-12-17", LEAD)


def test_cli_code_map_option(tmp_path):
    p = tmp_path / "news.csv"
    p.write_text(f'uid,published,body\nm1,2025-12-17,"{LEAD}"\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["code", str(p), "--format", "jsonl", "--map", "id=uid,text=body,date=published"])
    assert r.exit_code == 0, r.output
    assert '"doc_id": "m1"' in r.output and '"date": "2025-12-17"' in r.output and '"cameo": "040"' in r.output
    bad = CliRunner().invoke(cli, ["code", str(p), "--map", "body"])
    assert bad.exit_code != 0 and "FIELD=COLUMN" in bad.output


def test_ingest_mixed_folder_into_store(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(page(), encoding="utf-8")
    (tmp_path / "in" / "b.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "in" / "c.csv").write_text(f'id,date,text\nc1,2025-12-17,"{SECOND}"\n', encoding="utf-8")
    _warc(tmp_path / "in" / "d.warc.gz", [("https://example.ir/w/1", "text/html", page(body=(SECOND,)).encode())])
    db = tmp_path / "s.db"
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert "5 added, 0 replaced, 0 unchanged, 1 failed" in r.output  # the RSS item with a bad date
    again = CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert "0 added, 0 replaced, 5 unchanged, 1 failed; store holds 5 documents" in again.output
