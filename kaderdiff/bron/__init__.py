"""Reading the sources: safe XML and docx, the kader schema, loading, versions in git, opmaak and controle."""
