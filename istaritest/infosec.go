package istaritest

// This file serves the infosec-level operations. The settings' JSON names are the fake's
// proposal (the real ones are unconfirmed): {enabled, schema, max_infosec_level_id, default_infosec_level_id}.
// Enabling is permanent: the schema cannot change and infosec cannot be disabled (400).

import (
	"net/http"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

func init() {
	register(map[ops.ID]handlerFunc{
		ops.AssignInfosecLevel:            handleAssignInfosecLevel,
		ops.ListInfosecLevels:             handleListInfosecLevels,
		ops.GetPlatformInfosecSettings:    handleGetInfosecSettings,
		ops.EnablePlatformInfosecSettings: handleEnableInfosecSettings,
	})
}

// infosecSchemas are the level names of each schema, lowest first.
var infosecSchemas = map[string][]string{
	"US_DOD": {"UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP_SECRET", "TOP_SECRET_SCI"},
	"AUS":    {"OFFICIAL", "OFFICIAL:SENSITIVE", "PROTECTED", "SECRET", "TOP_SECRET"},
}

// wireLevel is the InfosecLevel model; schema (the schema's name) is a key beyond the published client's.
type wireLevel struct {
	ID           string          `json:"id"`
	Name         string          `json:"name"`
	Schema       string          `json:"schema"`
	SchemaID     string          `json:"schema_id"`
	Rank         int             `json:"order"` // 0 = lowest
	DisplayColor string          `json:"display_color"`
	Created      types.Timestamp `json:"created"`
}

type infosecState struct {
	levels      map[string][]wireLevel // by schema, in schema order
	enabled     bool
	enabledAt   time.Time
	schema      string
	maxID       string
	defaultID   string
	assignments map[string]string // subject_type + "/" + subject_id -> level id
}

func newInfosecState() infosecState {
	st := infosecState{levels: map[string][]wireLevel{}, assignments: map[string]string{}}
	created := types.Timestamp{Time: now()}
	for schema, names := range infosecSchemas {
		schemaID := newID()
		for i, n := range names {
			st.levels[schema] = append(st.levels[schema], wireLevel{ID: newID(), Name: n, Schema: schema,
				SchemaID: schemaID, Rank: i, DisplayColor: "#808080", Created: created})
		}
	}
	return st
}

// levelLocked finds a level of the active (or, before enabling, the given) schema.
func (st *infosecState) level(schema, id string) (wireLevel, bool) {
	for _, l := range st.levels[schema] {
		if l.ID == id {
			return l, true
		}
	}
	return wireLevel{}, false
}

type wireInfosecSettings struct {
	Enabled               bool       `json:"enabled"`
	Schema                *string    `json:"schema"`
	MaxInfosecLevelID     *string    `json:"max_infosec_level_id"`
	DefaultInfosecLevelID *string    `json:"default_infosec_level_id"`
	EnabledAt             *time.Time `json:"enabled_at,omitempty"`
}

func (st *infosecState) wire() wireInfosecSettings {
	if !st.enabled {
		return wireInfosecSettings{}
	}
	at := st.enabledAt
	return wireInfosecSettings{Enabled: true, Schema: ptr(st.schema), MaxInfosecLevelID: ptr(st.maxID),
		DefaultInfosecLevelID: ptr(st.defaultID), EnabledAt: &at}
}

// handleListInfosecLevels answers a bare array in schema order: the enabled schema's, else US_DOD's.
func handleListInfosecLevels(s *Server, w http.ResponseWriter, _ *http.Request, _ *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	schema := "US_DOD"
	if s.admin.infosec.enabled {
		schema = s.admin.infosec.schema
	}
	writeJSON(w, http.StatusOK, s.admin.infosec.levels[schema])
}

func handleGetInfosecSettings(s *Server, w http.ResponseWriter, _ *http.Request, _ *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeJSON(w, http.StatusOK, s.admin.infosec.wire())
}

// handleEnableInfosecSettings enables infosec (customer administrators only), or adjusts the maximum and
// default level of the schema already enabled.
func handleEnableInfosecSettings(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var body struct {
		Schema    string `json:"schema"`
		MaxID     string `json:"max_infosec_level_id"`
		DefaultID string `json:"default_infosec_level_id"`
		Enabled   *bool  `json:"enabled"`
	}
	if !c.decode(w, &body) {
		return
	}
	if !c.user.Admin {
		writeDetail(w, http.StatusForbidden, "Forbidden: infosec settings need a customer administrator")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &s.admin.infosec
	if body.Enabled != nil && !*body.Enabled {
		writeDetail(w, http.StatusBadRequest, "Infosec levels cannot be disabled once enabled")
		return
	}
	if body.Schema == "" && st.enabled {
		body.Schema = st.schema
	}
	levels, known := st.levels[body.Schema]
	if !known {
		writeValidation(w, []string{"body", "schema"}, "Input should be 'US_DOD' or 'AUS'", "enum")
		return
	}
	if st.enabled && body.Schema != st.schema {
		writeDetail(w, http.StatusBadRequest, "Infosec settings are already enabled with schema "+st.schema+"; the schema cannot be changed")
		return
	}
	maxL, defL := levels[len(levels)-1], levels[0]
	if st.enabled {
		maxL, _ = st.level(st.schema, st.maxID)
		defL, _ = st.level(st.schema, st.defaultID)
	}
	var ok bool
	if body.MaxID != "" {
		if maxL, ok = st.level(body.Schema, body.MaxID); !ok {
			writeDetail(w, http.StatusBadRequest, "max_infosec_level_id is not a level of "+body.Schema)
			return
		}
	}
	if body.DefaultID != "" {
		if defL, ok = st.level(body.Schema, body.DefaultID); !ok {
			writeDetail(w, http.StatusBadRequest, "default_infosec_level_id is not a level of "+body.Schema)
			return
		}
	}
	if defL.Rank > maxL.Rank {
		writeDetail(w, http.StatusBadRequest, "The default level must not exceed the maximum level")
		return
	}
	for _, id := range st.assignments {
		if l, _ := st.level(body.Schema, id); l.Rank > maxL.Rank {
			writeDetail(w, http.StatusBadRequest, "The maximum level cannot drop below the highest level in use ("+l.Name+")")
			return
		}
	}
	if !st.enabled {
		st.enabled, st.enabledAt, st.schema = true, now(), body.Schema
	}
	st.maxID, st.defaultID = maxL.ID, defL.ID
	writeJSON(w, http.StatusOK, st.wire())
}

// handleAssignInfosecLevel classifies a model, artifact or system (owner needed) or a user (customer
// administrator needed).
func handleAssignInfosecLevel(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	typ, id := c.param("subject_type"), c.param("subject_id")
	switch typ {
	case "model", "artifact", "system", "user":
	default:
		writeValidation(w, []string{"path", "subject_type"}, "Input should be 'model', 'artifact', 'system' or 'user'", "enum")
		return
	}
	var body struct {
		LevelID string `json:"infosec_level_id"`
	}
	if !c.decode(w, &body) {
		return
	}
	if body.LevelID == "" {
		writeValidation(w, []string{"body", "infosec_level_id"}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &s.admin.infosec
	var status int
	if typ == "user" {
		status = s.taggingStatusLocked("user", id, c.user, "owner")
	} else {
		status = s.accessStatusLocked(typ, id, c.user, "owner")
	}
	if denyStatus(w, status) {
		return
	}
	if !st.enabled {
		writeDetail(w, http.StatusBadRequest, "Infosec levels are not enabled on this platform")
		return
	}
	l, ok := st.level(st.schema, body.LevelID)
	if !ok {
		writeDetail(w, http.StatusNotFound, "Infosec level not found")
		return
	}
	if maxL, _ := st.level(st.schema, st.maxID); l.Rank > maxL.Rank {
		writeDetail(w, http.StatusBadRequest, "Infosec level "+l.Name+" is above the platform maximum "+maxL.Name)
		return
	}
	st.assignments[typ+"/"+id] = l.ID
	writeJSON(w, http.StatusOK, l)
}

// InfosecLevelOf returns the name of the level assigned to an object ("" when none); for assertions.
func (s *Server) InfosecLevelOf(subjectType, subjectID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &s.admin.infosec
	l, _ := st.level(st.schema, st.assignments[subjectType+"/"+subjectID])
	return l.Name
}
