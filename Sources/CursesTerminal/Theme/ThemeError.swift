import TinyTOML

/// One problem in a theme file (`FILE:LINE: reason`); line 0 means the file as a whole.
public typealias ThemeError = FileLineError

/// Every problem found in a theme (or in the themes it inherits from), in file order.
public typealias ThemeErrors = FileLineErrors
