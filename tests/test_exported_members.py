import ringkas


def test_public_api_is_locked():
    # Changing the public API is a decision: update this list (and the changelog) on purpose.
    assert sorted(ringkas.__all__) == sorted(
        [
            "SETTINGS",
            "AddReport",
            "Article",
            "Citation",
            "Document",
            "Engine",
            "Entity",
            "IngestReport",
            "LengthSpec",
            "Placement",
            "Quote",
            "RemovedLine",
            "RingkasError",
            "Sentence",
            "Settings",
            "Story",
            "SummarySentence",
            "TimelineEntry",
            "__version__",
        ]
    )
    for name in ringkas.__all__:
        assert getattr(ringkas, name) is not None


def test_package_is_typed():
    from importlib.resources import files

    assert files("ringkas").joinpath("py.typed").is_file()
