// TinyTOML
