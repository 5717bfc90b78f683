package dev.kelas.learning.discussion.dto;

import dev.kelas.learning.discussion.DiscussionQueryService.ThreadView;
import dev.kelas.learning.discussion.DiscussionReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A thread with its replies as a tree one level deep, oldest first. */
public record ThreadViewResponse(ThreadResponse thread, List<ReplyResponse> replies) {
    public static ThreadViewResponse of(ThreadView view) {
        Map<UUID, List<ReplyResponse>> children = new LinkedHashMap<>();
        for (DiscussionReply r : view.replies()) {
            if (r.parentId != null) {
                children.computeIfAbsent(r.parentId, id -> new ArrayList<>()).add(ReplyResponse.of(r, List.of()));
            }
        }
        List<ReplyResponse> top = view.replies().stream().filter(r -> r.parentId == null)
                .map(r -> ReplyResponse.of(r, children.getOrDefault(r.id, List.of()))).toList();
        return new ThreadViewResponse(ThreadResponse.of(view.thread(), null), top);
    }
}
