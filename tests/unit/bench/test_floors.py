"""The accuracy floors (`extractors/bench/evaluation/floors.csv`) and how a figure is judged."""

from extractors.bench.evaluation.floors import below_floor, load_floors


def test_each_floor_is_just_under_the_value_it_was_set_from():
    for name, floor in load_floors().items():
        if name.endswith("documents_without_crash"):
            assert (floor.floor, floor.value) == (1.0, 1.0), name  # no crash is allowed
        else:
            assert floor.floor == round(max(0.0, floor.value - 0.02), 3), name
        assert floor.set_on.startswith("20"), name


def test_a_figure_below_its_floor_is_named_one_at_its_floor_is_not():
    floors = load_floors()
    f1 = floors["actors.conll_valid.f1"]
    lines = below_floor(
        {
            "actors.conll_valid.f1": 0.0,
            "actors.conll_valid.recall": floors["actors.conll_valid.recall"].floor,
            "not.a.figure": 0.0,
        },
        floors,
    )
    assert lines == [
        f"actors.conll_valid.f1 0.000 is below its floor {f1.floor:.3f} "
        f"(set {f1.set_on} from {f1.value:.3f})"
    ]
