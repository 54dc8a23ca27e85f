"""The application page's features, each with its layout piece, component ids and callbacks.

pages/application.py assembles their layout pieces and imports them so their callbacks register.
Page load (loading.py) fills every feature from one transaction: a feature with something to
show on load gives it a LOADED dict of outputs and a loaded(conn, application) returning the
same keys. Each module's component ids are the attributes of its class Ids, used from other
modules through the module (generation.Ids.resumes), never retyped as strings; the editors'
pattern-matching ids are components.document_editor's doc_id(Part.editor, phase). A callback
with more than three outputs names them: output={"name": Output(...), ...}, returning a dict.
"""
