package istari

import (
	"strconv"
	"strings"

	"github.com/istari-sdk/istari-go/enums"
)

// checkEnum reports a *ValidationError "must be one of: ..." when v is not a known value of an enum (Python's
// newer SDKs reject unknown enum input locally the same way). An empty v is reported as required.
func checkEnum[T ~string](field string, v T, known []T) error {
	if v == "" {
		return newValidationError(field, "required", "", "")
	}
	for _, k := range known {
		if v == k {
			return nil
		}
	}
	names := make([]string, len(known))
	for i, k := range known {
		names[i] = string(k)
	}
	return &ValidationError{Field: field, Rule: "oneof", Param: strings.Join(names, " "), Length: len(v)}
}

// lowerEnum lower-cases enum input the way Python's newer SDKs do before checking it.
func lowerEnum[T ~string](v T) T { return T(strings.ToLower(string(v))) }

// requireString reports a *ValidationError when a required string is empty.
func requireString(field, v string) error {
	if v == "" {
		return newValidationError(field, "required", "", "")
	}
	return nil
}

func checkRelation(field string, r enums.AccessRelation) error {
	return checkEnum(field, r, enums.AccessRelationValues())
}

func checkResourceType(field string, t enums.AccessResourceType) error {
	return checkEnum(field, t, enums.AccessResourceTypeValues())
}

func checkSubjectType(field string, t enums.AccessSubjectType) error {
	return checkEnum(field, t, enums.AccessSubjectTypeValues())
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func itoa(i int) string { return strconv.Itoa(i) }
