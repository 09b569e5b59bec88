package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	CreateFile           ID = "create_file"
	UpdateFile           ID = "update_file"
	UpdateFileProperties ID = "update_file_properties"
	GetFile              ID = "get_file"
	ListFiles            ID = "list_files"
	ArchiveFile          ID = "archive_file"
	RestoreFile          ID = "restore_file"
	GetRevision          ID = "get_revision"
	ArchiveFileRevision  ID = "archive_file_revision"
	RestoreFileRevision  ID = "restore_file_revision"
	CreateModel          ID = "create_model"
	UpdateModel          ID = "update_model"
	GetModel             ID = "get_model"
	ListModels           ID = "list_models"
	ArchiveModel         ID = "archive_model"
	RestoreModel         ID = "restore_model"
	CreateArtifact       ID = "create_artifact"
	CreateArtifactsBulk  ID = "create_artifacts_bulk"
	UpdateArtifact       ID = "update_artifact"
	GetArtifact          ID = "get_artifact"
	ListArtifacts        ID = "list_artifacts"
	ListModelArtifacts   ID = "list_model_artifacts"
	ArchiveArtifact      ID = "archive_artifact"
	RestoreArtifact      ID = "restore_artifact"
	CreateComment        ID = "create_comment"
	UpdateComment        ID = "update_comment"
	GetComment           ID = "get_comment"
	ListModelComments    ID = "list_model_comments"
	ListArtifactComments ID = "list_artifact_comments"
	ArchiveComment       ID = "archive_comment"
	RestoreComment       ID = "restore_comment"
	GetResource          ID = "get_resource"
	ListResources        ID = "list_resources"
	SearchResources      ID = "search_resources"
)

// filesOps holds the wire operations of section 3, Files, models & artifacts (3.1 wire operations).
// Verb, path template and confidence are transcribed exactly from the spec table.
var filesOps = []Operation{
	{ID: string(CreateFile), GoName: "createFile", Method: "POST", Path: "/api/v2/files", Confidence: Signature, Section: "3.1"},
	{ID: string(UpdateFile), GoName: "updateFile", Method: "PUT", Path: "/api/v2/files/{file_id}", Confidence: Signature, Section: "3.1"},
	{ID: string(UpdateFileProperties), GoName: "updateFileProperties", Method: "PATCH", Path: "/api/v2/files/{file_id}/properties", Confidence: Signature, Section: "3.1"},
	{ID: string(GetFile), GoName: "GetFile", Method: "GET", Path: "/api/v2/files/{file_id}", Confidence: Signature, Section: "3.1"},
	{ID: string(ListFiles), GoName: "ListFiles", Method: "GET", Path: "/api/v2/files", Confidence: Reconstructed, Section: "3.1"},
	{ID: string(ArchiveFile), GoName: "ArchiveFile", Method: "PATCH", Path: "/api/v2/files/{file_id}/archive", Confidence: Signature, Section: "3.1"},
	{ID: string(RestoreFile), GoName: "RestoreFile", Method: "PATCH", Path: "/api/v2/files/{file_id}/restore", Confidence: Signature, Section: "3.1"},
	{ID: string(GetRevision), GoName: "GetRevision", Method: "GET", Path: "/api/v2/file_revisions/{revision_id}", Confidence: Reconstructed, Section: "3.1"},
	{ID: string(ArchiveFileRevision), GoName: "ArchiveFileRevision", Method: "PATCH", Path: "/api/v2/file_revisions/{file_revision_id}/archive", Confidence: Signature, Section: "3.1"},
	{ID: string(RestoreFileRevision), GoName: "RestoreFileRevision", Method: "PATCH", Path: "/api/v2/file_revisions/{file_revision_id}/restore", Confidence: Signature, Section: "3.1"},
	{ID: string(CreateModel), GoName: "createModel", Method: "POST", Path: "/api/v2/models", Confidence: Signature, Section: "3.1"},
	{ID: string(UpdateModel), GoName: "updateModel", Method: "PUT", Path: "/api/v2/models/{model_id}", Confidence: Signature, Section: "3.1"},
	{ID: string(GetModel), GoName: "GetModel", Method: "GET", Path: "/api/v2/models/{model_id}", Confidence: Signature, Section: "3.1"},
	{ID: string(ListModels), GoName: "ListModels", Method: "GET", Path: "/api/v2/models", Confidence: Signature, Section: "3.1"},
	{ID: string(ArchiveModel), GoName: "ArchiveModel", Method: "PATCH", Path: "/api/v2/models/{model_id}/archive", Confidence: Signature, Section: "3.1"},
	{ID: string(RestoreModel), GoName: "RestoreModel", Method: "PATCH", Path: "/api/v2/models/{model_id}/restore", Confidence: Signature, Section: "3.1"},
	{ID: string(CreateArtifact), GoName: "createArtifact", Method: "POST", Path: "/api/v2/models/{model_id}/artifacts", Confidence: Signature, Section: "3.1"},
	{ID: string(CreateArtifactsBulk), GoName: "createArtifactsBulk", Method: "POST", Path: "/api/v2/models/{model_id}/artifacts/bulk", Confidence: Signature, Section: "3.1"},
	{ID: string(UpdateArtifact), GoName: "updateArtifact", Method: "PUT", Path: "/api/v2/artifacts/{artifact_id}", Confidence: Signature, Section: "3.1"},
	{ID: string(GetArtifact), GoName: "GetArtifact", Method: "GET", Path: "/api/v2/artifacts/{artifact_id}", Confidence: Signature, Section: "3.1"},
	{ID: string(ListArtifacts), GoName: "ListArtifacts", Method: "GET", Path: "/api/v2/artifacts", Confidence: Reconstructed, Section: "3.1"},
	{ID: string(ListModelArtifacts), GoName: "ListModelArtifacts", Method: "GET", Path: "/api/v2/models/{model_id}/artifacts", Confidence: Signature, Section: "3.1"},
	{ID: string(ArchiveArtifact), GoName: "ArchiveArtifact", Method: "PATCH", Path: "/api/v2/artifacts/{artifact_id}/archive", Confidence: Signature, Section: "3.1"},
	{ID: string(RestoreArtifact), GoName: "RestoreArtifact", Method: "PATCH", Path: "/api/v2/artifacts/{artifact_id}/restore", Confidence: Signature, Section: "3.1"},
	{ID: string(CreateComment), GoName: "createComment", Method: "POST", Path: "/api/v2/resources/{resource_id}/comments", Confidence: Signature, Section: "3.1"},
	{ID: string(UpdateComment), GoName: "updateComment", Method: "PUT", Path: "/api/v2/comments/{comment_id}", Confidence: Signature, Section: "3.1"},
	{ID: string(GetComment), GoName: "GetComment", Method: "GET", Path: "/api/v2/comments/{comment_id}", Confidence: Signature, Section: "3.1"},
	{ID: string(ListModelComments), GoName: "ListModelComments", Method: "GET", Path: "/api/v2/models/{model_id}/comments", Confidence: Signature, Section: "3.1"},
	{ID: string(ListArtifactComments), GoName: "ListArtifactComments", Method: "GET", Path: "/api/v2/artifacts/{artifact_id}/comments", Confidence: Signature, Section: "3.1"},
	{ID: string(ArchiveComment), GoName: "ArchiveComment", Method: "PATCH", Path: "/api/v2/comments/{comment_id}/archive", Confidence: Signature, Section: "3.1"},
	{ID: string(RestoreComment), GoName: "RestoreComment", Method: "PATCH", Path: "/api/v2/comments/{comment_id}/restore", Confidence: Signature, Section: "3.1"},
	{ID: string(GetResource), GoName: "GetResource", Method: "GET", Path: "/api/v2/resources/{resource_type}/{resource_id}", Confidence: Signature, Section: "3.1"},
	{ID: string(ListResources), GoName: "ListResources", Method: "GET", Path: "/api/v2/resources", Confidence: Reconstructed, Section: "3.1"},
	{ID: string(SearchResources), GoName: "SearchResources", Method: "GET", Path: "/api/v2/resources/search", Confidence: Signature, Section: "3.1"},
}
