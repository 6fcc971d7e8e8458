"""clean_text on small scraped dumps written for these tests (one block element a line)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from normalize import clean_text
from normalize.boilerplate.text import line_roles

BODY = [
    "The city council voted on Tuesday to expand the network of protected bicycle lanes across the northern districts.",
    "Supporters said the pilot had cut injuries at the busiest junctions by almost a third, the council said.",
    "Shop owners on the main avenue warned that fewer parking spaces would drive their customers away.",
    "Construction of the first new lanes is due to begin in the spring and should be finished next year.",
]
MENU = ["Home", "City", "Sport", "Business", "Culture", "Weather", "Subscribe", "Sign in"]
FOOTER = ["About us", "Contact", "Privacy policy", "Terms of use", "© 2024 City News"]
TITLE = "Council approves bike lane expansion"


def dump(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


def test_article_between_menu_and_footer():
    assert clean_text(dump([f"{TITLE} - City News"], MENU, [TITLE], BODY, FOOTER)) == "\n\n".join(BODY)


def test_title_line_is_the_title_not_body():
    lines = dump([f"{TITLE} - City News"], MENU, [TITLE], BODY, FOOTER).split("\n")
    assert [line for line, role in zip(lines, line_roles(lines)) if role == "title"] == [TITLE]


def test_a_line_the_dump_repeats_is_kept_each_time():
    assert clean_text(dump(MENU, [TITLE], BODY, BODY[:2], FOOTER)) == "\n\n".join(BODY + BODY[:2])


@pytest.mark.xfail(strict=True, reason="learned text model: 'Story continues below gallery' between a photo "
                   "counter and the body scores 0.51 after smoothing (issue 12: known miss on tiny dumps)")
def test_split_body_around_a_gallery_is_joined():
    gallery = ["Gallery", "Photo 1 of 6", "Next", "Previous", "Photo: City News", "Story continues below gallery"]
    assert clean_text(dump(MENU, [TITLE], BODY[:2], gallery, BODY[2:], FOOTER)) == "\n\n".join(BODY)


def test_teasers_and_comments_after_the_article_are_dropped():
    teasers = [
        "Most read", "Mayor opens the new riverside park", "Bus fares to rise in January",
        "READ MORE: Record numbers cycle to work during the strike",
    ]
    comments = ["3 Comments", "Leave a Reply", "Your email address will not be published. Required fields are marked *"]
    assert clean_text(dump(MENU, [TITLE], BODY, teasers, comments, FOOTER)) == "\n\n".join(BODY)


def test_non_english_chrome_is_dropped():
    body = [
        "Городской совет во вторник проголосовал за расширение сети защищённых велодорожек в северных районах.",
        "Сторонники решения заявили, что пилотный проект почти на треть сократил число травм на перекрёстках.",
    ]
    chrome = ["Главная", "Подписаться", "Войти"]
    assert clean_text(dump(chrome, ["Совет одобрил велодорожки"], body[:1], ["Читайте также: Мэр открыл парк"],
                           body[1:], ["Фото: пресс-служба мэрии", "Поделиться", "Комментарии"])) == "\n\n".join(body)


def test_cjk_article_is_kept():
    body = ["市議会は火曜日、北部地区の自転車専用レーンを拡大する計画を賛成多数で可決した。",
            "支持者によると、試験運用で主要な交差点での事故が約三割減ったという。"]
    assert clean_text(dump(["ホーム", "ニュース", "シェア"], body, ["コメント"])) == "\n\n".join(body)


def test_long_comment_thread_is_not_the_article():
    comment = ("I ride to work along the avenue every day and I have waited years for this; the pilot lanes were "
               "the first time I felt safe there, and my neighbours say the same thing about it.")
    thread = []
    for n, name in enumerate(["Jane", "Mark", "Ana", "Lee", "Olga"]):
        thread += [f"{name} on May {n + 3}, 2024 at 4:4{n} pm said:", comment.replace("I ride", f"I, {name}, ride"), "Reply"]
    assert clean_text(dump(MENU, [TITLE], BODY[:2], ["Comments"], thread, FOOTER)) == "\n\n".join(BODY[:2])


def test_dump_without_article_is_empty():
    assert clean_text(dump(MENU, ["Latest news", "Bus fares to rise in January", "Weather: sunny"], FOOTER)) == ""
    assert clean_text("") == ""


# Issue 26, point 2: a full last paragraph with the footer on the very next line was dropped from
# ``text`` without a word (the text model scored it under the threshold). Run through the
# installed command, as the report did, on a file each.
NORMALIZE = shutil.which("normalize", path=str(Path(sys.executable).parent)) or shutil.which("normalize")
CYCLING_EN = [
    "The new lanes will run along the river embankment, through the old market square and past the central "
    "station, linking three of the city's largest schools with the university campus. Separate traffic lights "
    "for bicycles will be installed at eleven junctions.",
    "Supporters said the lanes would make streets safer for children riding to school.",
    "Opponents warned that the loss of parking spaces could hurt local businesses.",
]
CYCLING_RU = [
    "Новые дорожки пройдут по набережной, через старую рыночную площадь и мимо центрального вокзала, соединив "
    "три крупнейшие школы города с университетским городком. На одиннадцати перекрёстках установят отдельные "
    "светофоры для велосипедистов.",
    "Велосипедные активисты приветствовали решение депутатов.",
    "Противники предупредили, что сокращение парковочных мест может навредить местному бизнесу.",
]


def run_text(path: Path) -> str:
    assert NORMALIZE, "the normalize console script is not installed (pip install -e .)"
    out = subprocess.run([NORMALIZE, "run", str(path), "-q", "--workers", "1"], capture_output=True, check=True)
    (record,) = [json.loads(line) for line in out.stdout.splitlines()]
    return record["text"]


@pytest.mark.parametrize("name, lines, encoding", [
    ("en", ["Home | News | Sport", "City council approves new cycling lanes", *CYCLING_EN,
            "© 2024 City Herald. All rights reserved."], "utf-8"),
    ("ru", ["Главная | Новости | Спорт", "Городская дума одобрила строительство новых велодорожек", *CYCLING_RU,
            "© 2024 Городской вестник. Все права защищены."], "cp1251"),
])
def test_last_paragraph_right_before_the_footer_is_kept(tmp_path: Path, name: str, lines: list[str],
                                                        encoding: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    assert run_text(path) == "\n\n".join(lines[2:-1])
