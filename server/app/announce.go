package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"time"

	"reablement/ent"
	"reablement/ent/account"
	"reablement/ent/privacy"
)

// Announce prints where the server is and, with the development signer on,
// a ready-to-paste token and GraphiQL link for one demo account per role.
func (a *App) Announce(ctx context.Context, addr string) {
	base := "http://" + addr
	slog.Info("serving", "web_app", base+"/", "graphiql", base+"/graphql")
	if a.signer == nil {
		return
	}
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	accts, err := a.client.Account.Query().
		Where(account.SubjectHasPrefix("demo|"), account.Active(true)).
		Order(ent.Asc(account.FieldUsername)).All(ctx)
	if err != nil || len(accts) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nReablement is running: open %s/ and pick a demo account, or use GraphiQL.\n", base)
	fmt.Fprintf(&b, "Each token below lasts 8 hours. Send it as the header  Authorization: Bearer <token>\n\n")
	seen := map[string]bool{}
	for _, acct := range accts {
		if len(acct.Roles) == 0 || seen[string(acct.Roles[0])] {
			continue
		}
		seen[string(acct.Roles[0])] = true
		token, _, err := a.signer.Mint(acct.Subject, demoTokenTTL)
		if err != nil {
			continue
		}
		fmt.Fprintf(&b, "  %-18s %s (%s)\n", acct.Roles[0], acct.DisplayName, acct.Username)
		fmt.Fprintf(&b, "    GraphiQL: %s/graphql?token=%s\n", base, url.QueryEscape(token))
		fmt.Fprintf(&b, "    Token:    %s\n\n", token)
	}
	fmt.Fprint(os.Stdout, b.String())
}

// demoTokenTTL is a working day: printed demo tokens do not outlive a session.
const demoTokenTTL = 8 * time.Hour
