package jp.madoguchi.kit;

/**
 * 学年 — the grade of compulsory education a child belongs to by age (学齢), per {@link SchoolYear}.
 *
 * <p>学校教育法第17条 (小学校 6 years, 中学校 3 years). This is the grade of the child's age group, not the grade of
 * actual enrolment (就学猶予, 飛び級 and 原級留置 are not reflected).
 */
public enum SchoolGrade {
    /** 未就学 — before the first school year. */
    PRESCHOOL("未就学", 0),
    /** 小学1年. */
    ELEMENTARY_1("小学1年", 1),
    /** 小学2年. */
    ELEMENTARY_2("小学2年", 2),
    /** 小学3年. */
    ELEMENTARY_3("小学3年", 3),
    /** 小学4年. */
    ELEMENTARY_4("小学4年", 4),
    /** 小学5年. */
    ELEMENTARY_5("小学5年", 5),
    /** 小学6年. */
    ELEMENTARY_6("小学6年", 6),
    /** 中学1年. */
    JUNIOR_HIGH_1("中学1年", 7),
    /** 中学2年. */
    JUNIOR_HIGH_2("中学2年", 8),
    /** 中学3年. */
    JUNIOR_HIGH_3("中学3年", 9),
    /** その他 — past compulsory school age (学齢を過ぎた). */
    OTHER("その他", 10);

    private final String japaneseName;
    private final int yearOfCompulsoryEducation;

    SchoolGrade(String japaneseName, int yearOfCompulsoryEducation) {
        this.japaneseName = japaneseName;
        this.yearOfCompulsoryEducation = yearOfCompulsoryEducation;
    }

    /** @return the Japanese name, e.g. 「小学1年」, 「未就学」, 「その他」 */
    public String japaneseName() {
        return japaneseName;
    }

    /** @return whether this is a grade of compulsory education (小学1年 … 中学3年) */
    public boolean isCompulsory() {
        return yearOfCompulsoryEducation >= 1 && yearOfCompulsoryEducation <= 9;
    }

    /**
     * The grade in the given year of compulsory education.
     *
     * @param year 1 = 小学1年 … 9 = 中学3年; below 1 gives {@link #PRESCHOOL}, above 9 {@link #OTHER}
     * @return the grade
     */
    static SchoolGrade ofYear(int year) {
        return year < 1 ? PRESCHOOL : year > 9 ? OTHER : values()[year];
    }
}
