package graph

import (
	"testing"

	"reablement/ent/share"
)

// Every kind of recipient the schema has is in the sharing rules' table of
// bases (R20-R24), which screens ask for instead of keeping a copy (issue
// 12, item 8): a new kind without bases would leave a screen unable to
// share with it.
func TestEveryRecipientKindHasItsBases(t *testing.T) {
	bases, err := (&queryResolver{}).ShareBases(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	got := map[share.RecipientKind]int{}
	for _, b := range bases {
		if share.RecipientKindValidator(b.RecipientKind) != nil {
			t.Errorf("%s is not a recipient kind of the schema", b.RecipientKind)
		}
		got[b.RecipientKind] = len(b.Bases)
	}
	for _, k := range []share.RecipientKind{share.RecipientKindPROVIDER, share.RecipientKindCARER, share.RecipientKindADVOCATE, share.RecipientKindPERSON, share.RecipientKindOTHER} {
		if got[k] == 0 {
			t.Errorf("no basis for a copy to %s", k)
		}
	}
	if got[share.RecipientKindOTHER] != 3 {
		t.Errorf("anyone else's copy rests on consent, best interests or the person's request; got %d bases", got[share.RecipientKindOTHER])
	}
}
