import pytest

from ringkas.errors import ConfigError
from ringkas.outlets import OutletRegistry, canonical_outlet, default_registry, registered_domain
from ringkas.settings import Settings


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("liputan6", "Liputan6.com"),
        ("detik", "detikcom"),
        ("finance.detik.com", "detikcom"),
        ("https://news.detik.com/berita/d-1/x", "detikcom"),
        ("detikNews", "detikcom"),
        ("KOMPAS.com", "Kompas.com"),
        ("Kompas.com Regional", "Kompas.com"),
        ("Tekno Liputan6.com", "Liputan6.com"),
        ("Republika Online", "Republika"),
        ("Antara News Agency", "ANTARA"),
        ("KONTAN.CO.ID", "Kontan"),
        ("Suara Merdeka", "Suara Merdeka"),  # a whole name wins over one of its words
        ("Kabar Nusantara", "Kabar Nusantara"),  # unknown names stay as written
        ("  Warta   Kini ", "Warta Kini"),
        ("https://www.berita.example.co.id/a/b", "example.co.id"),
        ("https://www.facebook.com/Bola.Kompascom", None),
        ("", None),
        (None, None),
    ],
)
def test_canonical_outlet(raw, canonical):
    assert canonical_outlet(raw) == canonical


def test_registered_domain():
    assert registered_domain("finance.detik.com") == "detik.com"
    assert registered_domain("a.b.co.id") == "b.co.id"
    assert registered_domain("detik.com") == "detik.com"


def test_every_group_has_a_source_and_every_outlet_a_known_group():
    registry = default_registry()
    for outlet in registry.outlets:
        assert outlet.domains, outlet.name
        if outlet.group is not None:
            assert len(outlet.group.source) > 20, outlet.group.key
    groups = {o.group.name for o in registry.outlets if o.group}
    assert {"Trans Media (CT Corp)", "Kompas Gramedia", "Emtek", "MNC Group"} <= groups
    assert registry.group_of("Tribunnews") is registry.group_of("Kompas.com")


def test_user_file_adds_and_overrides_outlets(tmp_path):
    path = tmp_path / "outlets.toml"
    path.write_text(
        '[group.pantura]\nname = "Pantura Media"\nsource = "our own note"\n\n'
        '[[outlet]]\nname = "Warta Pantura"\ndomains = ["wartapantura.example"]\nnames = ["WP"]\ngroup = "pantura"\n\n'
        '[[outlet]]\nname = "Detik"\nnames = ["detik.com"]\n',
        encoding="utf-8",
    )
    registry = OutletRegistry.load(path)
    assert registry.canonical("https://daerah.wartapantura.example/x/y-z-w") == "Warta Pantura"
    assert registry.group_of("WP").name == "Pantura Media"
    # The override answers to the shipped names and keeps the shipped group it does not restate.
    assert registry.canonical("detikcom") == "Detik"
    assert registry.canonical("finance.detik.com") == "Detik"
    assert registry.group_of("Detik").name == "Trans Media (CT Corp)"


def test_bad_outlets_file_names_the_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[outlet]]\nname = "X"\ngroup = "nobody"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown group"):
        OutletRegistry.load(bad)
    with pytest.raises(ConfigError, match="cannot be read"):
        OutletRegistry.load(tmp_path / "missing.toml")


def test_outlets_file_is_a_setting(tmp_path):
    assert Settings(environ={})["outlets_file"] == ""
    assert Settings({"outlets_file": "x.toml"}, environ={})["outlets_file"] == "x.toml"


def test_coverage_names_each_outlets_media_group():
    from ringkas.models import OutletCoverage
    from ringkas.stories import media_group_count, with_media_groups

    coverage = with_media_groups(
        [
            OutletCoverage("Kompas.com", ("a",)),
            OutletCoverage("Tribunnews", ("b",)),
            OutletCoverage("Warta Kini", ("c",)),
        ],
        None,
    )
    assert [c.media_group for c in coverage] == ["Kompas Gramedia", "Kompas Gramedia", None]
    assert media_group_count(coverage) == 2
