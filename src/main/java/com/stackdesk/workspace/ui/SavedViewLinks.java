package com.stackdesk.workspace.ui;

import com.stackdesk.base.ui.LeadViewLinks;
import com.stackdesk.workspace.SavedViews;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The built-in views and the signed-in person's own, for the side navigation. */
@Component
class SavedViewLinks implements LeadViewLinks {

    private final SavedViews views;

    SavedViewLinks(SavedViews views) {
        this.views = views;
    }

    @Override
    public List<Link> links() {
        return Stream.concat(SavedViews.BUILT_IN.stream(), views.mine().stream())
                .map(v -> new Link(v.name(), v.path()))
                .toList();
    }
}
