"""Small treebank files for the training tests: a GUM document in CoNLL-U, and a corpora folder
laid out as the recipe expects (GUM with its splits.md, UD English EWT, PolNeAR texts)."""

from __future__ import annotations

from pathlib import Path

# Two paragraphs; `don't` is a multi-word token; GUM entities: a named person, a
# named place whose first word the treebank tags VERB (`United`), and a common-noun
# organisation mention (`the court`), which is no name.
GUM_DOC = """\
# newdoc id = GUM_news_test
# newpar
# text = Otto Jespersen left the United States.
1\tOtto\tOtto\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person
2\tJespersen\tJespersen\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)
3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-place
5\tUnited\tunite\tVERB\tNNP\t_\t6\tamod\t_\t_
6\tStates\tStates\tPROPN\tNNPS\t_\t3\tobj\t_\tEntity=2)|SpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# newpar
# text = The court don't agree.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(3-organization
2\tcourt\tcourt\tNOUN\tNN\t_\t5\tnsubj\t_\tEntity=3)
3-4\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
3\tdo\tdo\tAUX\tVBP\t_\t5\taux\t_\t_
4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_
5\tagree\tagree\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

"""


def write_gum_file(folder: Path) -> Path:
    path = folder / "GUM_news_test.conllu"
    path.write_text(GUM_DOC, encoding="utf8")
    return path


def make_corpora(root: Path) -> Path:
    gum = root / "gum"
    (gum / "dep").mkdir(parents=True)
    (gum / "splits.md").write_text("# Splits\n\n## dev\n\n* GUM_a\n\n## test\n\n* GUM_b\n", encoding="utf8")
    for name in ("GUM_a", "GUM_b", "GUM_c"):
        (gum / "dep" / f"{name}.conllu").write_text(f"# text = Text of {name}.\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n")
    ewt = root / "ud-english-ewt"
    ewt.mkdir()
    for split in ("train", "dev", "test"):
        (ewt / f"en_ewt-ud-{split}.conllu").write_text(f"# text = EWT {split}.\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n")
    news = root / "polnear-train" / "text"
    news.mkdir(parents=True)
    (news / "1.txt").write_text("A headline\n\nA paragraph.\n", encoding="utf8")
    return root
