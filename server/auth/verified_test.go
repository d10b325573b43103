package auth

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A token seen before is not checked with its signature again, but the
// clock still runs for it: it stops working when it expires, as a token
// seen for the first time would (issue 14).
func TestARememberedTokenStillExpires(t *testing.T) {
	signer, err := NewDevSigner("https://idp.example", "reablement", filepath.Join(t.TempDir(), "dev.key"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(context.Background(), Config{Issuer: "https://idp.example", Audience: "reablement"}, signer.Key())
	if err != nil {
		t.Fatal(err)
	}
	token, exp, err := signer.Mint("worker-1", 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := range 2 {
		c, err := v.Verify(ctx, token)
		if err != nil || c.Subject != "worker-1" || !c.ExpiresAt.Equal(exp) {
			t.Fatalf("use %d: %+v, %v", i+1, c, err)
		}
	}
	if v.verified.Len() != 1 {
		t.Fatalf("%d tokens remembered, want 1", v.verified.Len())
	}

	// Within the leeway the token still works; past it, it is refused.
	v.now = func() time.Time { return exp.Add(v.leeway - time.Second) }
	if _, err := v.Verify(ctx, token); err != nil {
		t.Fatalf("within the leeway: %v", err)
	}
	v.now = func() time.Time { return exp.Add(v.leeway) }
	_, err = v.Verify(ctx, token)
	if !errors.Is(err, ErrUnauthenticated) || !strings.Contains(err.Error(), "token expired") {
		t.Fatalf("past its expiry: got %v, want token expired", err)
	}

	// A token altered by one character is not the remembered one.
	v.now = time.Now
	if _, err := v.Verify(ctx, token[:len(token)-2]+"AA"); err == nil {
		t.Fatal("an altered token was accepted")
	}
}
