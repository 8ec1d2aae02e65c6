import TinyTOML

/// One problem in a holiday file (`FILE:LINE: reason`): desk administrators edit these files by hand.
public typealias HolidayFileError = FileLineError

/// Every problem found in one parse (or merge), in line order.
public typealias HolidayFileErrors = FileLineErrors
