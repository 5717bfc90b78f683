package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AtRiskService.AtRisk;
import dev.kelas.learning.attendance.AtRiskService.AtRiskPage;
import java.util.List;

/** A page of students at or past the absence limit, most absences first. */
public record AtRiskResponse(List<AtRisk> items, int page, int size, long total) {
    /** The response for a page. */
    public static AtRiskResponse of(AtRiskPage page) {
        return new AtRiskResponse(page.items(), page.page(), page.size(), page.total());
    }
}
