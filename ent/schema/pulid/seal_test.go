package pulid

import "testing"

// A sealed id keeps its type prefix, is marked as sealed, is the same every
// time for the same key, and opens to the id it stands for; another key's
// sealer neither makes it nor opens it (consent.md: analysts' own ids).
func TestASealedIDOpensToItsIDAndOnlyWithItsKey(t *testing.T) {
	s, err := NewSealer([]byte("analysts"))
	if err != nil {
		t.Fatal(err)
	}
	other, err := NewSealer([]byte("someone else"))
	if err != nil {
		t.Fatal(err)
	}
	for range 100 {
		id := New("PL")
		sealed := s.Seal(id)
		if len(sealed) != 29 || sealed[:3] != "PLx" || sealed == id {
			t.Fatalf("%s sealed as %s", id, sealed)
		}
		if again := s.Seal(id); again != sealed {
			t.Fatalf("%s sealed as %s, then as %s", id, sealed, again)
		}
		if got, ok := s.Open(string(sealed)); !ok || got != id {
			t.Fatalf("%s opened as %s (%v), want %s", sealed, got, ok, id)
		}
		if got, ok := other.Open(string(sealed)); ok && got == id || other.Seal(id) == sealed {
			t.Fatalf("another key's sealer shares %s's sealed id %s", id, sealed)
		}
	}
	if got := s.Seal("not an id"); got != "not an id" {
		t.Errorf("a malformed id sealed as %q", got)
	}
}
