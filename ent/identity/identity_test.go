package identity

import "testing"

func TestNHSNumber(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"9434765919", "9434765919", true},
		{"943 476 5919", "9434765919", true},
		{"943-476-5919", "9434765919", true},
		{"4010232138", "4010232138", false}, // wrong check digit
		{"4010232137", "4010232137", true},
		{"943476591", "943476591", false}, // nine digits
		{"94347659190", "94347659190", false},
		{"94347659A9", "94347659A9", false},
		{"1000000010", "1000000010", false}, // remainder 1: check digit 10, never issued
		{"", "", false},
	} {
		got, ok := NHSNumber(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("NHSNumber(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestPostcode(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"la94qt", "LA9 4QT", true},
		{" LA9  4QT ", "LA9 4QT", true},
		{"sw1a1aa", "SW1A 1AA", true},
		{"M1 1AE", "M1 1AE", true},
		{"B33 8TH", "B33 8TH", true},
		{"CR2 6XH", "CR2 6XH", true},
		{"DN55 1PT", "DN55 1PT", true},
		{"not a postcode", "NOT A POSTCODE", false},
		{"LA9", "LA9", false},
		{"12345", "12345", false},
	} {
		got, ok := Postcode(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Postcode(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if got := Outward("la9 4qt"); got != "LA9" {
		t.Errorf("Outward = %q", got)
	}
	if _, ok := LooksLikeOutward("KM3"); !ok {
		t.Error("KM3 is a district")
	}
	if !LooksLikeNHSNumber("943 476 5919") || LooksLikeNHSNumber("Smith") {
		t.Error("LooksLikeNHSNumber")
	}
}
