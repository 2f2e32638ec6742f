/// The query classes measured by the suite and by the comparison: one query each. Terms separated by a space must
/// all match.
public let queryClasses: [(name: String, query: String)] = [
    ("single word", "经济"),
    ("several terms", "快递员 社会保险"),
    ("one character", "鱼"),
    ("one character, frequent", "党"),
    ("phrase", "社会保险"),
    ("sub-word", "上海"),
    ("Latin", "GDP"),
    ("digits", "2024"),
    ("Latin and digits", "5G"),
    ("traditional characters", "社會保險"),
]
