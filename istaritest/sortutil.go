package istaritest

import (
	"slices"
	"strings"
	"time"
)

// sortUsers orders users by creation time, then name, then id.
func sortUsers(users []*User, created func(*User) time.Time) {
	slices.SortFunc(users, func(a, b *User) int {
		if c := created(a).Compare(created(b)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
